@testable import SubpixCommands
import SubpixSession
import XCTest

final class CompletionTests: XCTestCase {
    private let session = Session(output: { _ in })

    private func value(_ source: String) throws { try session.execute(source) }

    private func complete(_ before: String) -> [String] {
        let word = String(before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        return Completion.candidates(before: before, word: word, session: session)
    }

    func testBuiltinsVariablesAndConstantsAtTheStartOfAnExpression() throws {
        try value("heat = zeros((1, 1, 2, 2))\nhelper = 1")
        XCTAssertEqual(complete("conv_so"), ["conv_soft_argmax2d", "conv_soft_argmax3d"])
        XCTAssertEqual(complete("he"), ["heatmap_maximum", "help", "heat", "helper"])
        XCTAssertEqual(complete("x = Tr"), ["True"])
        XCTAssertEqual(complete("vi"), ["view"])
    }

    func testKeywordsOfTheCallBeingTypedComeFirst() throws {
        try value("temp = 1")
        XCTAssertEqual(complete("conv_soft_argmax2d(x, tem"), ["temperature=", "temp"])
        XCTAssertEqual(complete("conv_soft_argmax2d(x, normalized_coordinates=True, e"), ["eps=", "enumerate"])
        XCTAssertEqual(complete("spatial_soft_argmax2d(x, normalized_coordinates=True, e"), ["enumerate"], "kornia 0.9's has no eps")
        XCTAssertEqual(complete("nms2d(load('a(b'), k"), ["kernel_size=", "keypoints", "kornia_version"], "brackets inside strings are skipped")
        XCTAssertEqual(complete("print(nms2d(x, (3, 3)), f"), ["file=", "format=", "filter", "float"], "the innermost open call counts")
        XCTAssertEqual(complete("nms2d (x, mask"), ["mask_only="], "a space before the parenthesis is fine")
    }

    func testAttributesAfterADot() throws {
        try value("heat = zeros((1, 1, 2, 2))\nn = 3")
        XCTAssertEqual(complete("view.te"), ["temperature"])
        XCTAssertEqual(complete("view.de").sorted(), ["depth", "depth_band", "depth_kernel", "depth_padding", "depth_stride"])
        XCTAssertEqual(complete("heat.s"), ["shape", "size"])
        XCTAssertEqual(complete("n."), [])
        XCTAssertEqual(complete("nope.x"), [])
    }

    func testHistoryKeepsContinuedEntriesOnOneLineWhenThatKeepsTheirMeaning() {
        XCTAssertEqual(LineEditor.historyLine("x = f(1,\n      2)"), "x = f(1, 2)")
        XCTAssertEqual(LineEditor.historyLine("x = f(1,  # one\n 2)"), "x = f(1,  # one\n 2)", "a comment would swallow the rest")
        XCTAssertNil(LineEditor.historyLine("   \n"))
    }
}
