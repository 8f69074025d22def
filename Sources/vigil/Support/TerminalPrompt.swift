import Foundation
import VigilStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks for a secret on the controlling terminal (/dev/tty, never stdin or stdout, which scripts and tests read),
/// with echo off. The terminal's settings are put back on every way out, and ^C cancels at once.
enum TerminalPrompt {
    /// The longest line read; a passphrase is far shorter, and a fixed capacity means the buffer is never
    /// reallocated (which would leave copies of the secret in freed memory).
    private static let capacity = 1024

    static func secret(_ prompt: String) throws -> Passphrase {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CLIError.user("no terminal to ask for the passphrase on; scripts set VIGIL_PASSPHRASE_FILE to a private file holding it")
        }
        defer { close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { throw CLIError.user("/dev/tty: cannot read the terminal's settings") }
        var quiet = saved
        // No echo; byte by byte (no ICANON) so erase and ^C are ours; no ISIG so ^C cannot kill the process
        // while echo is off (leaving the user a terminal that shows nothing they type).
        quiet.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG)
        withUnsafeMutableBytes(of: &quiet.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSAFLUSH, &quiet) == 0 else { throw CLIError.user("/dev/tty: cannot turn echo off") }
        defer { _ = tcsetattr(fd, TCSAFLUSH, &saved) }
        say(fd, prompt)
        defer { say(fd, "\n") }

        var line = [UInt8]()
        line.reserveCapacity(capacity)
        defer { for index in line.indices { line[index] = 0 } }
        while true {
            var byte: UInt8 = 0
            let count = read(fd, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            switch byte {
            case 0x0A, 0x0D: return Passphrase(bytes: line)
            case 0x03: throw CLIError.user("cancelled")
            case 0x04 where line.isEmpty: throw CLIError.user("cancelled")
            case 0x04: return Passphrase(bytes: line)
            case 0x7F, 0x08: if !line.isEmpty { line[line.count - 1] = 0; line.removeLast() }
            case 0x15: for index in line.indices { line[index] = 0 }; line.removeAll(keepingCapacity: true)
            default: if line.count < capacity { line.append(byte) }
            }
        }
        guard !line.isEmpty else { throw CLIError.user("cancelled") }
        return Passphrase(bytes: line)
    }

    private static func say(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
