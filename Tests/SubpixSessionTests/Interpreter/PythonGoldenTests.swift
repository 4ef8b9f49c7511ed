import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// Expressions the script language spells as Python does, evaluated here and
/// compared with what Python and NumPy gave for the same text
/// (scripts/make-language-goldens.py wrote the expected values).
final class PythonGoldenTests: ScriptTestCase {
    private func cases(_ file: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestResources.path("language/\(file)")))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    func testArithmeticAndConversionsMatchPython() throws {
        let all = try cases("numbers.json")
        XCTAssertGreaterThan(all.count, 80)
        for entry in all {
            let expression = try XCTUnwrap(entry["expr"] as? String)
            let got = try value(expression)
            let expected: Value
            switch entry["type"] as? String {
            case "int": expected = .int(try XCTUnwrap(entry["value"] as? Int))
            case "float": expected = .float(try XCTUnwrap(Double(try XCTUnwrap(entry["value"] as? String))))
            case "str": expected = .string(try XCTUnwrap(entry["value"] as? String))
            case "bool": expected = .bool(try XCTUnwrap(entry["value"] as? Bool))
            case let other: return XCTFail("unknown type \(String(describing: other)) for \(expression)")
            }
            XCTAssertEqual(got, expected, expression)
        }
    }

    func testBasicIndexingAndReshapingMatchNumPy() throws {
        try value("x = load(\"\(TestResources.path("language/arange.npy"))\")")
        let all = try cases("indexing.json")
        XCTAssertGreaterThan(all.count, 40)
        for entry in all {
            let expression = try XCTUnwrap(entry["expr"] as? String)
            guard case .tensor(let tensor) = try value(expression) else { XCTFail("\(expression) is not a tensor"); continue }
            XCTAssertEqual(tensor.shape, try XCTUnwrap(entry["shape"] as? [Int]), expression)
            XCTAssertEqual(tensor.doubles, try XCTUnwrap(entry["values"] as? [Double]), expression)
        }
    }

    /// Each program prints what Python (and NumPy, for tensors) printed for the same text;
    /// numbers match within float tolerance, everything between them exactly.
    func testProgramsPrintWhatPythonPrints() throws {
        let programs = try cases("programs.json")
        XCTAssertGreaterThanOrEqual(programs.count, 60)
        for program in programs {
            let name = try XCTUnwrap(program["name"] as? String)
            let source = try XCTUnwrap(program["source"] as? String)
            let expected = try XCTUnwrap(program["stdout"] as? String)
            let fresh = Session(output: { [unowned self] in self.printed.append($0) })
            printed = []
            do {
                try fresh.execute(source)
            } catch {
                XCTFail("\(name): \(error)")
                continue
            }
            let got = printed.map { $0 + "\n" }.joined()
            XCTAssertTrue(Self.matches(got, expected), "\(name):\n\(source)\n--- subpix printed:\n\(got)--- Python printed:\n\(expected)")
        }
    }

    /// Whether `got` reads as `expected`: the same text between numbers, and numbers within
    /// 1e-6 relative (float32 results print with more digits here, as Python floats).
    static func matches(_ got: String, _ expected: String) -> Bool {
        let a = tokens(got), b = tokens(expected)
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            switch (x, y) {
            case (.text(let p), .text(let q)): return p == q
            case (.number(let p), .number(let q)):
                return p == q || (p.isNaN && q.isNaN) || Swift.abs(p - q) <= 1e-6 * Swift.max(1, Swift.abs(q))
            default: return false
            }
        }
    }

    private enum Token { case text(String), number(Double) }

    private static func tokens(_ text: String) -> [Token] {
        let pattern = try! NSRegularExpression(pattern: #"-?(?:\d+\.?\d*(?:e[+-]?\d+)?|inf|nan)"#)
        var result: [Token] = []
        var last = text.startIndex
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let range = Range(match.range, in: text)!
            if last < range.lowerBound { result.append(.text(String(text[last..<range.lowerBound]))) }
            result.append(.number(Double(text[range]) ?? .nan))
            last = range.upperBound
        }
        if last < text.endIndex { result.append(.text(String(text[last...]))) }
        return result
    }
}
