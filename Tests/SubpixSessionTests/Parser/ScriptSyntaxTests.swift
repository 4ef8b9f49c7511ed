import XCTest
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession

final class ScriptSyntaxTests: XCTestCase {
    func testValidateCountsStatementsAndReportsTheFirstError() throws {
        XCTAssertEqual(try ScriptSyntax.validate("x = 1\n# comment\ny = f(x,\n  2)\n"), 2)
        XCTAssertThrowsError(try ScriptSyntax.validate("x = 1\ny = (2,")) { error in
            XCTAssertEqual((error as? ScriptError)?.position, SourcePosition(line: 2, column: 8))
        }
    }
}
