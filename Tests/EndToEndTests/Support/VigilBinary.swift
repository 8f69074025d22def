import Foundation

/// Where the built `vigil` is: beside the test executable (`.build/<config>/` on Linux), or `$VIGIL_BINARY`.
/// Shared by the CLI and console sandboxes, which each report a missing binary in their own way.
enum VigilBinary {
    static let path: String? = {
        if let explicit = ProcessInfo.processInfo.environment["VIGIL_BINARY"], !explicit.isEmpty { return explicit }
        return candidateFolders.map { $0 + "/vigil" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let candidateFolders: [String] = {
        var folders: [String] = []
        func add(_ url: URL?) {
            guard var url else { return }
            url = url.resolvingSymlinksInPath()
            // On macOS the test bundle is a folder `X.xctest/Contents/MacOS/X`; on Linux `X.xctest` is the executable.
            while url.path.contains(".xctest") { url.deleteLastPathComponent() }
            if !folders.contains(url.path) { folders.append(url.path) }
        }
        add(URL(fileURLWithPath: "/proc/self/exe").deletingLastPathComponent())
        if let first = CommandLine.arguments.first {
            add(URL(fileURLWithPath: first, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).deletingLastPathComponent())
        }
        add(Bundle.main.executableURL?.deletingLastPathComponent())
        add(Bundle.main.bundleURL)
        add(Bundle.main.bundleURL.deletingLastPathComponent())
        return folders
    }()
}
