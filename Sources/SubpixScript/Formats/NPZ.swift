import Foundation
import Subpix

/// NumPy `.npz` archives written by `np.savez` (zip entries stored uncompressed).
/// `np.savez_compressed` archives are refused with a message saying so.
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
            var size = u32(cursor + 18)
            let nameLength = u16(cursor + 26), extraLength = u16(cursor + 28)
            guard cursor + 30 + nameLength + extraLength <= bytes.count else { break }
            let name = String(decoding: bytes[(cursor + 30)..<(cursor + 30 + nameLength)], as: UTF8.self)
            if size == 0xFFFF_FFFF, extraLength >= 20 {   // zip64: sizes in the extra field
                let extra = cursor + 30 + nameLength
                if u16(extra) == 1 { size = u32(extra + 12) | u32(extra + 16) << 32 }
            }
            let start = cursor + 30 + nameLength + extraLength
            guard method == 0 else {
                throw FormatError(path, "entry '\(name)' is compressed (np.savez_compressed); expected an np.savez archive")
            }
            // Sizes come from the file: compare by subtraction, and reject negative (wrapped zip64) sizes.
            guard size >= 0, size <= bytes.count - start else {
                throw FormatError(path, "entry '\(name)' claims \(size) bytes, the archive has \(bytes.count - start) left")
            }
            let member = name.hasSuffix(".npy") ? String(name.dropLast(4)) : name
            arrays.append((member, try NPY.read(Data(bytes[start..<(start + size)]), path: "\(path)[\(member)]", maxBytes: maxBytes)))
            cursor = start + size
        }
        guard !arrays.isEmpty else { throw FormatError(path, "expected a zip archive of .npy files, found none") }
        return arrays
    }
}
