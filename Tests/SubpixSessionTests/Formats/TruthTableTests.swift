import XCTest
import SubpixFiles

/// `--truth FILE.csv`: columns x, y and optionally batch, channel, in any order.
final class TruthTableTests: XCTestCase {
    func testColumnsInAnyOrderAndOptionalMaps() throws {
        let rows = try TruthTable.parse("channel,y,x,name\n2, 20.5, 10.25,nose\n0,3,4,eye\n", path: "t.csv")
        XCTAssertEqual(rows, [TruthTable.Point(batch: nil, channel: 2, x: 10.25, y: 20.5),
                              TruthTable.Point(batch: nil, channel: 0, x: 4, y: 3)])
        XCTAssertTrue(rows[0].belongs(toBatch: 7, channel: 2), "no batch column: every batch item")
        XCTAssertFalse(rows[0].belongs(toBatch: 0, channel: 1))
        XCTAssertEqual(try TruthTable.parse("X,Y\r\n1,2\r\n", path: "t.csv"), [TruthTable.Point(batch: nil, channel: nil, x: 1, y: 2)])
    }

    func testBadTablesAreOneLineErrors() {
        let cases: [(String, String)] = [
            ("", "t.csv: expected a header with the columns x and y, got an empty file"),
            ("a,b\n1,2\n", "t.csv: expected a header with the columns x and y (and optionally batch, channel), got a,b"),
            ("x,y\n1\n", "t.csv: line 2: expected 2 fields as in the header, got '1'"),
            ("x,y\n1,nan\n", "t.csv: line 2: expected finite numbers for x and y, got '1,nan'"),
            ("batch,x,y\n-1,1,2\n", "t.csv: line 2: expected a non-negative integer for batch, got '-1,1,2'"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try TruthTable.parse(text, path: "t.csv"), text) { XCTAssertEqual("\($0)", message) }
        }
        XCTAssertThrowsError(try TruthTable.read("/nonexistent/t.csv")) {
            XCTAssertEqual("\($0)", "/nonexistent/t.csv: cannot read the ground-truth file")
        }
    }
}
