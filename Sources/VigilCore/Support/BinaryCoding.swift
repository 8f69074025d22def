import Foundation

/// A compact little-endian writer for snapshots: Codable's JSON took seconds to read 100k reports back.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Unsigned LEB128.
    mutating func int(_ value: Int64) {
        var rest = UInt64(bitPattern: value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int) { int(Int64(value)) }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func date(_ value: Date) { double(value.timeIntervalSince1970) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func data(_ value: Data) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        guard let value else { bool(false); return }
        bool(true)
        write(&self, value)
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency is an error, never a crash.
struct BinaryReader {
    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        var description: String { "malformed snapshot at byte \(offset)" }
    }

    /// The bytes being read, lent by the caller for as long as this reader is used (never copied: a snapshot is
    /// tens of megabytes).
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Malformed(offset: offset) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed(offset: offset - 1)
        }
    }

    mutating func int64() throws -> Int64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Malformed(offset: offset - 1) }
            result |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return Int64(bitPattern: result) }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let value = try int64()
        guard value >= Int64(Int.min), value <= Int64(Int.max) else { throw Malformed(offset: offset) }
        return Int(value)
    }

    /// A count of items that must each take at least one byte, so a damaged count cannot allocate wildly.
    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - offset else { throw Malformed(offset: offset) }
        return value
    }

    mutating func double() throws -> Double {
        guard offset + 8 <= bytes.count else { throw Malformed(offset: offset) }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func date() throws -> Date { Date(timeIntervalSince1970: try double()) }

    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    mutating func data() throws -> Data {
        let length = try count()
        defer { offset += length }
        return Data(bytes[offset..<offset + length])
    }

    mutating func strings() throws -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }
}
