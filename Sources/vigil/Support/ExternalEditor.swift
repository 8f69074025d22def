import Foundation

/// Lets the user write a long text in `$EDITOR`: a private folder (0700) and file (0600); afterwards every file in
/// the folder (swap and backup files too) is overwritten and removed, so the text does not linger on disk. A
/// second name for the first file keeps its blocks reachable, so they are wiped even if the editor saves by
/// writing a new file and renaming it over the old one.
enum ExternalEditor {
    static func edit(_ text: String) -> String? {
        var template = Array((NSTemporaryDirectory() + "vigil-edit-XXXXXX").utf8CString)
        guard let folderPointer = mkdtemp(&template) else { return nil }
        let folder = String(cString: folderPointer)
        let path = folder + "/text.txt"
        defer {
            wipeEveryFile(in: folder)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        _ = link(path, folder + "/.original")
        let editor = Environment.variable("VISUAL") ?? Environment.variable("EDITOR") ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "vigil-editor", path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return nil
        }
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: path) else { return nil }
        var edited = String(decoding: data, as: UTF8.self)
        if edited.hasSuffix("\n") && !text.hasSuffix("\n") { edited.removeLast() }
        return edited
    }

    /// Overwrites every regular file directly in `folder` (the editor may have left swap or backup files).
    private static func wipeEveryFile(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            var status = stat()
            let path = folder + "/" + name
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            wipe(path)
        }
    }

    /// Overwrites a file with zeros before it is removed.
    private static func wipe(_ path: String) {
        guard let handle = FileHandle(forUpdatingAtPath: path) else { return }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: 0)
        handle.write(Data(count: Int(size)))
        try? handle.synchronize()
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }
}
