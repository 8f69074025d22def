import Foundation

// Usage: EmbedResourcesTool OUTPUT INPUT...
// Writes `enum EmbeddedResources { static let files: [String: String] }` keyed by file name.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedResourcesTool OUTPUT INPUT...\n".utf8))
    exit(64)
}
var source = """
// Generated from Resources/ by the EmbedResources plugin. Do not edit.

/// The files of the top-level Resources/ folder, compiled in so the binary runs alone.
public enum EmbeddedResources {
    /// File name -> UTF-8 contents.
    public static let files: [String: String] = [

"""
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let text = try String(contentsOf: url, encoding: .utf8)
    // A raw string with enough #s that no line of the file can close it early.
    var hashes = "#"
    while text.contains("\"" + hashes) { hashes += "#" }
    source += "        \"\(url.lastPathComponent)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
}
source += "    ]\n}\n"
try Data(source.utf8).write(to: URL(fileURLWithPath: output))
