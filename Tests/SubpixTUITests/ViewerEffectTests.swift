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
