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
}
