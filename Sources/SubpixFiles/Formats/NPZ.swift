import CZlib
import Foundation
import Subpix

/// NumPy `.npz` archives: zip files of `.npy` members, stored (`np.savez`) or
/// deflated (`np.savez_compressed`, inflated through zlib). A member's inflated
/// size is checked against the memory limit before anything is allocated.
public enum NPZ {
    /// The arrays of the archive, by name (without `.npy`), in archive order.
    public static func read(_ data: Data, path: String, maxBytes: Int = ReadLimits.maxBytes) throws -> [(name: String, tensor: AnyTensor)] {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        var arrays: [(String, AnyTensor)] = []
        var cursor = 0
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
            let start = extra + extraLength
            // Sizes come from the file: compare by subtraction, and reject negative (wrapped zip64) sizes.
            guard compressed >= 0, compressed <= bytes.count - start else {
                throw FormatError(path, "entry '\(name)' claims \(compressed) bytes, the archive has \(bytes.count - start) left")
            }
            let stored = Array(bytes[start..<(start + compressed)])
            let member = name.hasSuffix(".npy") ? String(name.dropLast(4)) : name
            let payload: [UInt8]
            switch method {
            case 0: payload = stored
            case 8: payload = try inflate(stored, size: inflated, entry: name, path: path, maxBytes: maxBytes)
            default: throw FormatError(path, "entry '\(name)' uses zip compression method \(method); expected stored (0) or deflate (8)")
            }
            arrays.append((member, try NPY.read(Data(payload), path: "\(path)[\(member)]", maxBytes: maxBytes)))
            cursor = start + compressed
        }
        guard !arrays.isEmpty else { throw FormatError(path, "expected a zip archive of .npy files, found none") }
        return arrays
    }

    /// Raw-deflate data to exactly `size` bytes (a `.npy` header is at most 64 KiB more than its data).
    private static func inflate(_ input: [UInt8], size: Int, entry: String, path: String, maxBytes: Int) throws -> [UInt8] {
        guard size >= 0, size <= maxBytes + (1 << 16) else {
            throw FormatError(path, "entry '\(entry)' inflates to \(size) bytes, over the \(maxBytes)-byte limit (set SUBPIX_MAX_BYTES to raise it)")
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
