import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// A session whose output lines are captured, and helpers to run statements in it.
class ScriptTestCase: XCTestCase {
    var printed: [String] = []
    lazy var session = Session(output: { [unowned self] in self.printed.append($0) })

    /// The value of the last statement of `source`.
    @discardableResult
    func value(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> Value? {
        try session.execute(source)
    }

    /// What running `source` prints, its lines joined.
    func output(_ source: String) throws -> String {
        printed = []
        try value(source)
        return printed.joined(separator: "\n")
    }

    /// The elements of tensor variable `name`, widened to Double.
    func elements(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Double] {
        try XCTUnwrap(session.tensor(named: name), "no tensor named \(name)", file: file, line: line).doubles
    }

    /// Asserts that each source fails with exactly its message (`LINE:COL: message`).
    func assertErrors(_ cases: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (source, message) in cases {
            XCTAssertThrowsError(try session.execute(source), source, file: file, line: line) {
                XCTAssertEqual("\($0)", message, source, file: file, line: line)
            }
        }
    }
}
