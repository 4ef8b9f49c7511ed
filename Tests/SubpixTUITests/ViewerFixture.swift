import Foundation
import Subpix
import XCTest
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI
import TestSupport

extension XCTestCase {
    /// A viewer on the built-in demo, with timings hidden so renders are reproducible;
    /// it writes into a scratch directory removed when the test ends.
    func demoModel(colorMode: ColorMode = .xterm256, kornia: KorniaVersion = .default) throws -> ViewerModel {
        let session = Session(kornia: kornia, output: { _ in })
        try Demo.load(into: session)
        let model = ViewerModel(session: session, colorMode: colorMode, outputDirectory: try scratchDirectory("subpix-tui"))
        model.showsTimings = false
        return model
    }
}

extension ViewerModel {
    /// What the viewer's loop does with an event: `update`, then each effect it
    /// returns performed at once and its outcome sent back (computations inline).
    func send(_ event: ViewerEvent) {
        for effect in update(event) { send(effect.perform(in: session)) }
    }

    /// A key press as the loop handles it, shorthand for `send(.key(key))`.
    func send(_ key: Key) { send(.key(key)) }

    /// Runs `statement` as the `:` line does; true when it succeeded (a failure is the message).
    @discardableResult
    func run(_ statement: String) -> Bool {
        let outcome = ViewerEffect.run(statement).perform(in: session)
        send(outcome)
        if case .performed(.failure) = outcome { return false }
        return true
    }
}

/// Compares a render with the snapshot files `NAME.text.txt` / `NAME.color.txt`;
/// with `SUBPIX_RECORD_SNAPSHOTS=1` it writes them instead (then review them by eye).
func assertSnapshot(_ buffer: CellBuffer, named name: String, file: StaticString = #filePath, line: UInt = #line) throws -> (text: Bool, color: Bool) {
    let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let text = directory.appendingPathComponent("\(name).text.txt"), color = directory.appendingPathComponent("\(name).color.txt")
    if ProcessInfo.processInfo.environment["SUBPIX_RECORD_SNAPSHOTS"] == "1" {
        try (buffer.textPlane + "\n").write(to: text, atomically: true, encoding: .utf8)
        try (buffer.colorPlane + "\n").write(to: color, atomically: true, encoding: .utf8)
    }
    return (try String(contentsOf: text, encoding: .utf8) == buffer.textPlane + "\n",
            try String(contentsOf: color, encoding: .utf8) == buffer.colorPlane + "\n")
}

/// Resizes the viewer to `width × height` (the event the terminal sends) and renders it.
func rendered(_ model: ViewerModel, _ width: Int, _ height: Int) -> CellBuffer {
    model.update(.resize(width: width, height: height))
    return Renderer().render(model)
}

/// Draws `slice` fitted into a `columns × rows` pane at the buffer's origin (its top-left corner at the pane's), on the map's own colour scale.
func drawMap(_ slice: MapSlice, palette: Palette, columns: Int, rows: Int, reduction: BlockReduction = .max,
             into buffer: inout CellBuffer) {
    let viewport = Viewport()
    let place = viewport.placement(mapWidth: slice.width, mapHeight: slice.height, pane: (0, 0, columns, rows))
    HeatmapRenderer(image: PaneImage(slice, placement: place, reduction: reduction), palette: palette, scale: slice.colorScale)
        .draw(into: &buffer, x: 0, y: 0)
}
