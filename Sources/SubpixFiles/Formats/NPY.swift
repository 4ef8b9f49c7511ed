import Foundation
import Subpix

/// NumPy `.npy` files: read float16/32/64, integers, uint8 and bool (little or
/// big endian, C or Fortran order, format versions 1–3); write float32/float64 and bool.
/// float16, integer and bool arrays load as float32.
public enum NPY {
    /// Reads an `.npy` file held in `data`; `path` names it in errors.
    public static func read(_ data: Data, path: String, maxBytes: Int = ReadLimits.maxBytes) throws -> AnyTensor {
        try data.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            guard let layout = try NPYLayout(parsing: buffer, complete: true, path: path) else {
                throw FormatError(path, "expected a whole .npy header, got \(buffer.count) bytes")
            }
            try layout.checkFits(maxBytes: maxBytes, path: path)
            guard buffer.count >= layout.end else {
                throw FormatError(path, "expected \(layout.dataBytes) data bytes for shape \(layout.header.shape), got \(buffer.count - layout.dataOffset)")
            }
            return try layout.decode(UnsafeBufferPointer(rebasing: buffer[layout.dataOffset..<layout.end]))
        }
    }

    /// Reads the `.npy` file at `path`. An array of this machine's floats in C order
    /// (what `np.save` writes for float32) is read from the file straight into the
    /// tensor's storage, so the file's bytes and the tensor are never both in memory
    /// (a 4096² map: 64 MB, not 128); other arrays go through ``read(_:path:maxBytes:)``.
    public static func load(_ path: String, maxBytes: Int = ReadLimits.maxBytes) throws -> AnyTensor {
        guard let file = ReadOnlyFile(path: path) else { throw FormatError(path, "cannot read the file") }
        let longest = NPYLayout.maxHeaderLength + 12   // the preamble and the longest header
        var front = [UInt8](repeating: 0, count: longest)
        let got = try front.withUnsafeMutableBytes { try file.read(into: $0, at: 0) }
        let parsed = try front.withUnsafeBufferPointer {
            try NPYLayout(parsing: UnsafeBufferPointer(rebasing: $0[..<got]), complete: got < longest, path: path)
        }
        guard let layout = parsed, layout.holdsNativeFloats else {
            guard let data = FileManager.default.contents(atPath: path) else { throw FormatError(path, "cannot read the file") }
            return try read(data, path: path, maxBytes: maxBytes)
        }
        try layout.checkFits(maxBytes: maxBytes, path: path)
        let floats = try [Float](unsafeUninitializedCapacity: layout.count) { floats, initialized in
            let read = try file.read(into: UnsafeMutableRawBufferPointer(floats), at: layout.dataOffset)
            guard read == layout.dataBytes else {
                throw FormatError(path, "expected \(layout.dataBytes) data bytes for shape \(layout.header.shape), got \(read)")
            }
            initialized = layout.count
        }
        return .float32(try Tensor(shape: layout.header.shape, elements: floats))
    }

    /// An `.npy` (version 1.0, little endian, C order) holding `tensor`.
    public static func encode(_ tensor: AnyTensor) -> Data {
        var data = preamble(descr: tensor.dtype == .float32 ? "<f4" : "<f8", shape: tensor.shape)
        switch tensor {
        case .float32(let t): t.elements.forEach { data.append(contentsOf: withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init)) }
        case .float64(let t): t.elements.forEach { data.append(contentsOf: withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init)) }
        }
        return data
    }

    /// An `.npy` of NumPy's `bool` (`|b1`, one byte of 0 or 1 per element) holding `mask`.
    public static func encode(_ mask: Mask) -> Data {
        var data = preamble(descr: "|b1", shape: mask.shape)
        data.append(contentsOf: mask.elements.map { $0 ? 1 : 0 })
        return data
    }

    /// The magic, version 1.0 and the header dictionary, padded to a multiple of 64 bytes.
    private static func preamble(descr: String, shape: [Int]) -> Data {
        let shapeText = shape.isEmpty ? "()" : shape.count == 1
            ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        return data
    }

    /// Fortran (column-major) element order to row-major.
    static func transposedFromFortran(_ values: [Double], shape: [Int]) -> [Double] {
        guard shape.count > 1 else { return values }
        var result = [Double](repeating: 0, count: values.count)
        var index = [Int](repeating: 0, count: shape.count)
        for flat in 0..<values.count {
            var fortran = 0
            var stride = 1
            for axis in 0..<shape.count {
                fortran += index[axis] * stride
                stride *= shape[axis]
            }
            result[flat] = values[fortran]
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return result
    }
}
