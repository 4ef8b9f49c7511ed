import CZlib
import Foundation

/// The members of a zip archive, read by walking its local headers: stored or
/// deflated (inflated through zlib), zip64 sizes included. What `np.savez` and
/// `torch.save` write. A member's inflated size is checked against the memory
/// limit before anything is allocated.
enum ZipArchive {
    /// One member: its name in the archive and its (inflated) bytes.
    struct Member {
        var name: String
        var bytes: [UInt8]
    }

    /// Hands each member to `body` in archive order, one at a time (a member's bytes
    /// need not outlive the call); `path` names the archive in errors.
    /// - Throws: ``FormatError`` for a member that claims more bytes than the archive
    ///   has, an unknown compression method, bad deflate data or a size over `maxBytes`;
    ///   and what `body` throws.
    static func forEachMember(_ data: Data, path: String, maxBytes: Int, _ body: (Member) throws -> Void) throws {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        var cursor = 0
        var centralSizes: [Int: (compressed: Int, inflated: Int)]?
        while cursor + 30 <= bytes.count, u32(cursor) == 0x0403_4B50 {
            let method = u16(cursor + 8)
            var (compressed, inflated) = (u32(cursor + 18), u32(cursor + 22))
            let nameLength = u16(cursor + 26), extraLength = u16(cursor + 28)
            guard cursor + 30 + nameLength + extraLength <= bytes.count else { break }
            let name = String(decoding: bytes[(cursor + 30)..<(cursor + 30 + nameLength)], as: UTF8.self)
            let extra = cursor + 30 + nameLength
            if compressed == 0xFFFF_FFFF || inflated == 0xFFFF_FFFF, extraLength >= 20, u16(extra) == 1 {
                // zip64: both sizes, 8 bytes each, in the extra field
                inflated = u32(extra + 4) | u32(extra + 8) << 32
                compressed = u32(extra + 12) | u32(extra + 16) << 32
            }
            let streamed = u16(cursor + 6) & 0x8 != 0
            if streamed {
                // Written as a stream (torch.save): the sizes follow the data; the central directory has them.
                centralSizes = centralSizes ?? CentralDirectory.sizes(bytes)
                guard let sizes = centralSizes?[cursor] else {
                    throw FormatError(path, "entry '\(name)' leaves its size to a data descriptor, and the central directory does not list it")
                }
                (compressed, inflated) = sizes
            }
            let start = extra + extraLength
            // Sizes come from the file: compare by subtraction, and reject negative (wrapped zip64) sizes.
            guard compressed >= 0, compressed <= bytes.count - start else {
                throw FormatError(path, "entry '\(name)' claims \(compressed) bytes, the archive has \(bytes.count - start) left")
            }
            let stored = Array(bytes[start..<(start + compressed)])
            switch method {
            case 0: try body(Member(name: name, bytes: stored))
            case 8: try body(Member(name: name, bytes: try inflate(stored, size: inflated, entry: name, path: path, maxBytes: maxBytes)))
            default: throw FormatError(path, "entry '\(name)' uses zip compression method \(method); expected stored (0) or deflate (8)")
            }
            cursor = start + compressed
            if streamed {
                // The data descriptor: an optional signature, the CRC, then both sizes (8 bytes each in zip64).
                if cursor + 4 <= bytes.count, u32(cursor) == 0x0807_4B50 { cursor += 4 }
                cursor += max(compressed, inflated) > 0xFFFF_FFFE ? 20 : 12
            }
        }
    }

    /// The central directory at the end of a zip: each member's sizes by the offset
    /// of its local header (zip64 sizes and offsets included).
    enum CentralDirectory {
        static func sizes(_ bytes: [UInt8]) -> [Int: (compressed: Int, inflated: Int)] {
            func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
            func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
            func u64(_ at: Int) -> Int { u32(at) | u32(at + 4) << 32 }
            // The end record: 22 bytes and a comment of at most 64 KiB.
            guard bytes.count >= 22,
                  let end = stride(from: bytes.count - 22, through: max(0, bytes.count - 22 - 0xFFFF), by: -1).first(where: { u32($0) == 0x0605_4B50 })
            else { return [:] }
            var (count, start) = (u16(end + 10), u32(end + 16))
            if start == 0xFFFF_FFFF, end >= 20, u32(end - 20) == 0x0706_4B50 {
                let record = u64(end - 12)   // the zip64 end record, through its locator
                guard record >= 0, record <= bytes.count - 56, u32(record) == 0x0606_4B50 else { return [:] }
                (count, start) = (u64(record + 32), u64(record + 48))
            }
            var sizes: [Int: (compressed: Int, inflated: Int)] = [:]
            var cursor = start
            for _ in 0..<max(0, min(count, bytes.count / 46)) {
                guard cursor >= 0, cursor <= bytes.count - 46, u32(cursor) == 0x0201_4B50 else { break }
                var (compressed, inflated, offset) = (u32(cursor + 20), u32(cursor + 24), u32(cursor + 42))
                let nameLength = u16(cursor + 28), extraLength = u16(cursor + 30), commentLength = u16(cursor + 32)
                var extra = cursor + 46 + nameLength
                let extraEnd = min(bytes.count, extra + extraLength)
                while extra + 4 <= extraEnd {
                    let (tag, size) = (u16(extra), u16(extra + 2))
                    if tag == 1 {
                        // zip64: the fields whose 32-bit value is saturated, in this order.
                        var field = extra + 4
                        if inflated == 0xFFFF_FFFF, field + 8 <= extraEnd { inflated = u64(field); field += 8 }
                        if compressed == 0xFFFF_FFFF, field + 8 <= extraEnd { compressed = u64(field); field += 8 }
                        if offset == 0xFFFF_FFFF, field + 8 <= extraEnd { offset = u64(field) }
                    }
                    extra += 4 + size
                }
                sizes[offset] = (compressed, inflated)
                cursor += 46 + nameLength + extraLength + commentLength
            }
            return sizes
        }
    }

    /// Raw-deflate data to exactly `size` bytes (a member may hold up to 64 KiB of header beyond its data).
    private static func inflate(_ input: [UInt8], size: Int, entry: String, path: String, maxBytes: Int) throws -> [UInt8] {
        guard size >= 0, size <= maxBytes + (1 << 16) else {
            throw FormatError(path, "entry '\(entry)' inflates to \(size) bytes, over the \(maxBytes)-byte limit (\(ReadLimits.raiseHint))")
        }
        var output = [UInt8](repeating: 0, count: size)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                subpix_inflate_raw(source.baseAddress, UInt(source.count), target.baseAddress, UInt(size))
            }
        }
        guard status == Z_OK else { throw FormatError(path, "entry '\(entry)' is not valid deflate data (zlib status \(status))") }
        return output
    }
}
