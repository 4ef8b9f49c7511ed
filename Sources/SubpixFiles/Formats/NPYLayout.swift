import Subpix

/// Where an `.npy` array's parts lie: the preamble (magic, version, header
/// length), the header dict, and the data that follows.
///
/// Parsed from the first bytes of an array, which may be a whole file or the
/// front of a stream that has not arrived yet (see ``NPYStreamDecoder``).
struct NPYLayout {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    /// The longest header dict accepted (NumPy itself refuses more than 10 000 bytes by default).
    static let maxHeaderLength = 1 << 16

    var header: NPYHeader
    /// Offset of the first data byte from the magic.
    var dataOffset: Int
    /// Elements in the array.
    var count: Int
    /// Data bytes after the header.
    var dataBytes: Int { count * header.type.size }
    /// Offset just past the array's last data byte.
    var end: Int { dataOffset + dataBytes }

    /// Parses the preamble and header at the start of `bytes`.
    ///
    /// - Parameter complete: `bytes` is everything there is (a file): running out
    ///   before the header ends is an error. Otherwise (a stream) it returns `nil`,
    ///   meaning "wait for more bytes".
    /// - Throws: ``FormatError`` for a wrong magic, version or header, or a shape
    ///   whose element count overflows. The size limit is checked by ``checkFits(maxBytes:path:)``.
    init?(parsing bytes: UnsafeBufferPointer<UInt8>, complete: Bool, path: String) throws {
        let seen = min(bytes.count, Self.magic.count)
        guard bytes.prefix(seen).elementsEqual(Self.magic.prefix(seen)), !(complete && bytes.count < 10) else {
            throw FormatError(path, "expected the .npy magic \\x93NUMPY, got \(Self.describe(bytes, complete: complete)) without it")
        }
        guard bytes.count >= 8 else { return nil }
        let headerStart: Int
        switch bytes[6] {
        case 1: headerStart = 10
        case 2, 3: headerStart = 12
        default: throw FormatError(path, "expected .npy format version 1, 2 or 3, got \(bytes[6])")
        }
        guard bytes.count >= headerStart else {
            if complete { throw FormatError(path, "expected a \(headerStart)-byte .npy preamble, got \(bytes.count) bytes") }
            return nil
        }
        let headerLength = (8..<headerStart).reduce(0) { $0 | Int(bytes[$1]) << (8 * ($1 - 8)) }
        guard headerLength <= Self.maxHeaderLength else {
            throw FormatError(path, "expected a header of at most \(Self.maxHeaderLength) bytes, got a claim of \(headerLength)")
        }
        guard headerStart + headerLength <= bytes.count else {
            if complete { throw FormatError(path, "header claims \(headerLength) bytes but the file has \(bytes.count - headerStart) after the preamble") }
            return nil
        }
        guard let text = String(validating: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self) else {
            throw FormatError(path, "expected an ASCII/UTF-8 header")
        }
        header = try NPYHeader(parsing: text, path: path)
        count = try ReadLimits.check(header.shape, elementSize: header.type.size, path: path, maxBytes: .max)
        dataOffset = headerStart + headerLength
    }

    /// Throws when the array would take more than `maxBytes` once loaded.
    func checkFits(maxBytes: Int, path: String) throws {
        _ = try ReadLimits.check(header.shape, elementSize: header.type.size, path: path, maxBytes: maxBytes)
    }

    /// Whether the data bytes are this machine's `Float`s in C order (what
    /// `np.save` writes for float32 here): they can be copied into a tensor as they are.
    var holdsNativeFloats: Bool {
        #if _endian(little)
        header.type.kind == "f" && header.type.size == 4 && header.type.littleEndian && !header.fortranOrder
        #else
        false
        #endif
    }

    /// The array whose data starts at `data` (``dataBytes`` bytes): float64 stays
    /// float64, every other dtype becomes float32; Fortran order becomes C order.
    func decode(_ data: UnsafeBufferPointer<UInt8>) throws -> AnyTensor {
        let type = header.type
        if holdsNativeFloats {
            let floats = [Float](unsafeUninitializedCapacity: count) { target, initialized in
                UnsafeMutableRawBufferPointer(target).copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: data[0..<dataBytes])))
                initialized = count
            }
            return .float32(try Tensor(shape: header.shape, elements: floats))
        }
        let values = (0..<count).map { type.decode(data.baseAddress! + $0 * type.size) }
        let ordered = header.fortranOrder ? NPY.transposedFromFortran(values, shape: header.shape) : values
        if type.kind == "f" && type.size == 8 {
            return .float64(try Tensor(shape: header.shape, elements: ordered))
        }
        return .float32(try Tensor(shape: header.shape, elements: ordered.map(Float.init)))
    }

    private static func describe(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool) -> String {
        if complete { return "a file of \(bytes.count) bytes" }
        return "bytes " + bytes.prefix(6).map { String($0, radix: 16).leftPadded(to: 2) }.joined(separator: " ")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
