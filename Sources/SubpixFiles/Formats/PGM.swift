import Foundation
import Subpix

/// Netpbm grayscale images: `P2` (ASCII) and `P5` (binary, 8 or 16 bit), scaled to [0, 1].
public enum PGM {
    public static func read(_ data: Data, path: String, maxBytes: Int = ReadLimits.maxBytes) throws -> Tensor<Float> {
        let bytes = [UInt8](data)
        var cursor = 0
        func token() throws -> String {
            while cursor < bytes.count {
                if bytes[cursor] == UInt8(ascii: "#") {
                    while cursor < bytes.count, bytes[cursor] != 10 { cursor += 1 }
                } else if bytes[cursor] == 32 || (9...13).contains(bytes[cursor]) {
                    cursor += 1
                } else { break }
            }
            let start = cursor
            while cursor < bytes.count, !(bytes[cursor] == 32 || (9...13).contains(bytes[cursor])) { cursor += 1 }
            guard cursor > start, cursor - start < 32 else { throw FormatError(path, "expected a PGM header field, got end of file") }
            return String(decoding: bytes[start..<cursor], as: UTF8.self)
        }
        let magic = try token()
        guard magic == "P2" || magic == "P5" else { throw FormatError(path, "expected a PGM (P2 or P5), got magic '\(magic.prefix(4))'") }
        guard let width = Int(try token()), let height = Int(try token()), let maxValue = Int(try token()),
              width > 0, height > 0, (1...65535).contains(maxValue)
        else { throw FormatError(path, "expected positive width, height and a maxval in 1...65535") }
        let count = try ReadLimits.check([height, width], elementSize: 4, path: path, maxBytes: maxBytes)
        let scale = 1 / Float(maxValue)
        var values = [Float]()
        values.reserveCapacity(count)
        if magic == "P2" {
            for _ in 0..<count {
                guard let value = Int(try token()), (0...maxValue).contains(value) else {
                    throw FormatError(path, "expected \(count) samples in 0...\(maxValue)")
                }
                values.append(Float(value) * scale)
            }
        } else {
            cursor += 1   // the single white-space byte after maxval
            let width8 = maxValue > 255 ? 2 : 1
            guard bytes.count - cursor >= count * width8 else {
                throw FormatError(path, "expected \(count * width8) sample bytes, got \(max(0, bytes.count - cursor))")
            }
            for index in 0..<count {
                let at = cursor + index * width8
                let sample = width8 == 2 ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : Int(bytes[at])
                values.append(Float(min(sample, maxValue)) * scale)
            }
        }
        return try Tensor(shape: [1, 1, height, width], elements: values)
    }
}
