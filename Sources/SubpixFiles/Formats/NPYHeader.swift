import Foundation
/// The header dict of an `.npy` file, parsed strictly:
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`.
struct NPYHeader {
    /// A NumPy element type: byte order, kind (`f`, `i`, `u`, `b`) and size.
    struct ElementType {
        var littleEndian: Bool
        var kind: Character
        var size: Int

        init(_ descr: String, path: String) throws {
            let characters = Array(descr)
            guard characters.count >= 3, let size = Int(String(characters[2...])) else {
                throw FormatError(path, "expected a dtype like '<f4', got '\(descr)'")
            }
            let order = characters[0]
            guard "<>|=".contains(order) else { throw FormatError(path, "expected a byte order <, >, | or =, got '\(descr)'") }
            littleEndian = order != ">"
            kind = characters[1]
            self.size = size
            let supported: [Character: [Int]] = ["f": [2, 4, 8], "i": [1, 2, 4, 8], "u": [1, 2, 4, 8], "b": [1]]
            guard supported[kind]?.contains(size) == true else {
                throw FormatError(path, "unsupported dtype '\(descr)'; expected float16/32/64, int8–64, uint8–64 or bool")
            }
        }

        func decode(_ pointer: UnsafePointer<UInt8>) -> Double {
            var raw: UInt64 = 0
            for byte in 0..<size {
                let shift = littleEndian ? 8 * byte : 8 * (size - 1 - byte)
                raw |= UInt64(pointer[byte]) << UInt64(shift)
            }
            switch (kind, size) {
            case ("f", 2): return Double(Float(Float16(bitPattern: UInt16(truncatingIfNeeded: raw))))
            case ("f", 4): return Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
            case ("f", _): return Double(bitPattern: raw)
            case ("i", _):
                let shift = UInt64(64 - 8 * size)
                return Double(Int64(bitPattern: raw << shift) >> Int64(shift))
            case ("b", _): return raw == 0 ? 0 : 1
            default: return Double(raw)
            }
        }
    }

    var type: ElementType
    var fortranOrder: Bool
    var shape: [Int]

    init(parsing text: String, path: String) throws {
        func field(_ key: String) throws -> Substring {
            guard let keyRange = text.range(of: "'\(key)'") ?? text.range(of: "\"\(key)\""),
                  let colon = text[keyRange.upperBound...].firstIndex(of: ":")
            else { throw FormatError(path, "expected '\(key)' in the .npy header, got \(text.prefix(80))") }
            return text[text.index(after: colon)...].drop { $0 == " " }
        }
        let descrText = try field("descr")
        guard let quote = descrText.first, quote == "'" || quote == "\"",
              let close = descrText.dropFirst().firstIndex(of: quote)
        else { throw FormatError(path, "expected a quoted dtype string in 'descr', got \(descrText.prefix(20))") }
        type = try ElementType(String(descrText[descrText.index(after: descrText.startIndex)..<close]), path: path)
        let order = try field("fortran_order")
        if order.hasPrefix("True") { fortranOrder = true } else if order.hasPrefix("False") { fortranOrder = false } else {
            throw FormatError(path, "expected True or False for 'fortran_order', got \(order.prefix(10))")
        }
        let shapeText = try field("shape")
        guard shapeText.first == "(", let close = shapeText.firstIndex(of: ")") else {
            throw FormatError(path, "expected a tuple for 'shape', got \(shapeText.prefix(20))")
        }
        let inner = shapeText[shapeText.index(after: shapeText.startIndex)..<close]
        shape = try inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { item in
            guard let size = Int(item.hasSuffix("L") ? String(item.dropLast()) : item) else {
                throw FormatError(path, "expected integer axis sizes in 'shape', got '\(item)'")
            }
            return size
        }
    }
}
