import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// Typed view changes (issue 22, item 3): applied without statement text, checked by
/// the same rules as `view.<field> = ...`, journaled as the statement they correspond to.
final class ViewChangeTests: ScriptTestCase {
    func testAChangeLandsInTheViewAndTheJournalAsItsStatement() throws {
        try session.apply([.temperature(0.8)])
        XCTAssertEqual(session.view.temperature, 0.8)
        try session.apply([.kernelSize([5, 5]), .padding([2, 2])])
        try session.apply([.method(.nms2d)])
        try session.apply([.threshold(nil)])
        XCTAssertEqual(session.view.kernelSize, [5, 5])
        XCTAssertEqual(session.view.padding, [2, 2])
        XCTAssertEqual(session.view.method, .nms2d)
        XCTAssertNil(session.view.threshold)
        XCTAssertEqual(session.journal, [
            "view.temperature = 0.8", "view.kernel_size, view.padding = (5, 5), (2, 2)", "view.method = 'nms2d'", "view.threshold = None",
        ])
        let replay = Session(output: { _ in })
        try replay.execute(session.journal.joined(separator: "\n"))
        XCTAssertEqual(replay.view, session.view, "the journaled statements replay to the same view")
    }

    /// One set of rules: a refused typed change changes nothing, journals nothing,
    /// and says what the statement setting the same values says (without a position,
    /// since nobody typed it).
    func testARefusedChangeSaysWhatTheStatementSays() throws {
        for (changes, statement) in [
            ([ViewChange.padding([2, 2])], "view.padding = (2, 2)"),
            ([.kernelSize([5, 5]), .padding([3, 3])], "view.kernel_size, view.padding = (5, 5), (3, 3)"),
            ([.temperature(0)], "view.temperature = 0.0"),
            ([.topK(0)], "view.top_k = 0"),
            ([.input("nope")], "view.input = 'nope'"),
            ([.depthPadding(2)], "view.depth_padding = 2"),
        ] {
            let before = (session.view, session.journal)
            XCTAssertEqual(ViewChange.statement(changes), statement)
            var typed: ScriptError?
            XCTAssertThrowsError(try session.apply(changes)) { typed = $0 as? ScriptError }
            XCTAssertThrowsError(try session.execute(statement)) { error in
                XCTAssertEqual(typed?.message, (error as? ScriptError)?.message, statement)
            }
            XCTAssertNil(typed?.position, "a typed change has no source position")
            XCTAssertEqual(session.view, before.0, "\(statement) changed nothing")
            XCTAssertEqual(session.journal, before.1, "\(statement) journaled nothing")
        }
        XCTAssertThrowsError(try session.apply([.padding([2, 2])])) {
            XCTAssertEqual("\($0)", "view: padding (2, 2) exceeds half the kernel (3, 3); lower the padding first (or set both: view.kernel_size, view.padding = (1, 1), (0, 0))")
        }
    }

    /// Every field has its typed change, named as `help(view)` lists it, and a view
    /// rebuilt from its changes is the same view.
    func testEveryFieldRoundTripsThroughItsTypedChange() throws {
        try value("heat = zeros((2, 3, 4, 4, 4))")
        var changed = ViewSettings()
        changed.input = "heat"
        changed.method = .iterativeQuadInterp3d
        changed.kernelSize = [7, 5]
        changed.padding = [3, 2]
        changed.depthPadding = 1
        changed.batch = 1
        changed.range = .fixed(-1, 2)
        changed.influence = .y
        changed.resample = .mean
        XCTAssertEqual(changed.changes.map(\.field), ViewSettingsFields.names)
        try session.apply(changed.changes)
        XCTAssertEqual(session.view, changed)
        XCTAssertEqual(session.journal.count, 2, "all fields in one statement")
        XCTAssertFalse(changed.isChanged(by: .range(.fixed(-1, 2))))
        XCTAssertTrue(changed.isChanged(by: .range(.tensor)))
    }

    /// A change made while a recorded statement runs (the viewer hook of `view(x)`)
    /// is not journaled again: replaying the statement makes it.
    func testAChangeInsideARecordedStatementIsNotJournaledAgain() throws {
        session.openViewer = { session, _ in try session.apply([.temperature(2)]) }
        try value("heat = zeros((1, 1, 4, 4))\nview(heat)")
        XCTAssertEqual(session.view.temperature, 2)
        XCTAssertEqual(session.journal, ["heat = zeros((1, 1, 4, 4))", "view(heat)"])
    }
}
