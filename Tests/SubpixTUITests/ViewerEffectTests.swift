import Foundation
import XCTest
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// `update` changes the model and returns effects; it writes no file and runs no
/// statement itself (issue 22, item 3).
final class ViewerEffectTests: XCTestCase {
    private func files(_ model: ViewerModel) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: model.outputDirectory.path)
    }

    /// A key's typed change lands in the view and in the journal as its exact statement, with nothing to perform.
    func testAParameterKeyAppliesItsChangeInUpdate() throws {
        let model = try demoModel()
        let before = model.session.journal.count
        let effects = model.update(.character("K"))
        XCTAssertTrue(effects.isEmpty, "\(effects)")
        XCTAssertEqual(model.session.view.kernelSize, [5, 5])
        XCTAssertEqual(model.session.view.padding, [2, 2])
        XCTAssertEqual(Array(model.session.journal[before...]), ["view.kernel_size, view.padding = (5, 5), (2, 2)"])
    }

    /// A refused typed change changes nothing and shows what the statement says.
    func testARefusedChangeShowsTheStatementsMessage() throws {
        let model = try demoModel()
        let (view, journal) = (model.session.view, model.session.journal)
        XCTAssertFalse(model.assign([.padding([2, 2])]))
        XCTAssertEqual(model.session.view, view)
        XCTAssertEqual(model.session.journal, journal)
        let statement = Session(output: { _ in })
        XCTAssertThrowsError(try statement.execute("view.padding = (2, 2)")) {
            XCTAssertEqual(model.message, ($0 as? ScriptError)?.message)
        }
    }

    /// `w`, `e` and `i` return the file to write and write nothing; performing it writes the file.
    func testWriteKeysReturnTheWriteAndWriteNothing() throws {
        let model = try demoModel(colorMode: .trueColor)
        for (key, name) in [("w", "subpix-session.subpix"), ("e", "subpix-keypoints.csv"), ("i", "subpix-view.png")] {
            let effects = model.update(.character(Character(key)))
            guard effects.count == 1, case .write(let file) = effects[0] else { return XCTFail("\(key): \(effects)") }
            XCTAssertEqual("\(file.stem).\(file.ext)", name)
            XCTAssertEqual(file.directory, model.outputDirectory)
            XCTAssertEqual(try files(model), [], "\(key) wrote nothing itself")
            model.send(ViewerEffect.write(file).perform(in: model.session))
            XCTAssertEqual(model.message?.hasPrefix("wrote "), true, model.message ?? "")
            XCTAssertEqual(try files(model), [name])
            try FileManager.default.removeItem(at: model.outputDirectory.appendingPathComponent(name))
        }
    }

    /// The `:` line returns its statement to run; the session is untouched until it is performed.
    func testTheCommandLineReturnsItsStatement() throws {
        let model = try demoModel()
        for character in ":view.top_k = 2" { model.update(.character(character)) }
        let journal = model.session.journal
        let effects = model.update(.enter)
        guard effects.count == 1, case .run(let statement) = effects[0] else { return XCTFail("\(effects)") }
        XCTAssertEqual(statement, "view.top_k = 2")
        XCTAssertEqual(model.session.view.topK, 50, "not run by update")
        XCTAssertEqual(model.session.journal, journal)
        model.send(ViewerEffect.run(statement).perform(in: model.session))
        XCTAssertEqual(model.session.view.topK, 2)
        XCTAssertEqual(model.session.journal.last, "view.top_k = 2")
        XCTAssertEqual(model.runs.first?.keypoints.count, 2, "the outcome's event brings the keypoints up to date")
    }

    /// `:c 1` jumps to channel 1 by number (issue 25): the statement `view.channel = 1`,
    /// run and journaled as that; the history keeps what was typed.
    func testAShorthandJumpsToAChannelByNumber() throws {
        let model = try demoModel()
        XCTAssertTrue(model.run("maps = zeros((1, 3, 8, 8))\nview.input = 'maps'"))
        for character in ":c 1" { model.update(.character(character)) }
        let effects = model.update(.enter)
        guard effects.count == 1, case .run(let statement) = effects[0] else { return XCTFail("\(effects)") }
        XCTAssertEqual(statement, "view.channel = 1")
        model.send(ViewerEffect.run(statement).perform(in: model.session))
        XCTAssertEqual(model.session.view.channel, 1)
        XCTAssertEqual(model.session.journal.last, "view.channel = 1")
        XCTAssertEqual(model.commandHistory.last, "c 1")
        XCTAssertEqual(CommandShorthand.statement(for: " b  3 "), "view.batch = 3")
        XCTAssertEqual(CommandShorthand.statement(for: "d 4"), "view.depth = 4")
        for statement in ["c", "c = 12", "c 1.5", "c 12 3", "x 12", "c ١٢"] {
            XCTAssertNil(CommandShorthand.statement(for: statement), "\(statement) is a statement of its own")
        }
    }

    /// `:view.kernel_size = ...` brings the padding `k`/`K` would (issue 25, item 12): at
    /// kernel // 2 it follows the kernel, set apart it stays, lowered only as far as needed.
    func testAKernelStatementMovesThePaddingAsTheKernelKeysDo() throws {
        let model = try demoModel()
        XCTAssertTrue(model.run("view.kernel_size = (7, 5)"))
        XCTAssertEqual(model.session.view.padding, [3, 2], "7 // 2, 5 // 2")
        XCTAssertTrue(model.run("view.padding = (1, 1)"))
        XCTAssertTrue(model.run("view.kernel_size = 9"))
        XCTAssertEqual(model.session.view.padding, [1, 1], "padding set apart from half the kernel stays")
        XCTAssertTrue(model.run("view.kernel_size = 1"))
        XCTAssertEqual(model.session.view.padding, [0, 0], "a kernel of 1 allows no padding")
        XCTAssertTrue(model.run("view.kernel_size, view.padding = (5, 5), (1, 2)"))
        XCTAssertEqual(model.session.view.padding, [1, 2], "a padding given with the kernel is the one set")
        XCTAssertTrue(model.run("view.kernel_size = (3, 3)"))
        XCTAssertEqual(model.session.view.padding, [1, 1], "W was at half the kernel and follows to 1; H stays at 1")
        let keys = try demoModel()
        keys.update(.character("K"))
        XCTAssertTrue(model.run("view.padding = (1, 1)\nview.kernel_size = (5, 5)"))
        XCTAssertEqual(model.session.view.padding, keys.session.view.padding, "the K key and the statement agree")
    }

    /// Off the inline path, a change the keypoints depend on returns the computation to start, once.
    func testAChangeReturnsTheComputationToStart() throws {
        let model = try demoModel()
        model.computesInline = false
        let effects = model.update(.character("T"))
        guard effects.count == 1, case .compute(let computation) = effects[0] else { return XCTFail("\(effects)") }
        XCTAssertEqual(computation.key, model.awaited?.key)
        XCTAssertEqual(computation.key.settings.temperature, 1.25)
        XCTAssertTrue(model.update(.character("?")).isEmpty, "still awaited: not asked for again")
        model.send(ViewerEffect.compute(computation).perform(in: model.session))
        XCTAssertNil(model.awaited)
    }
}
