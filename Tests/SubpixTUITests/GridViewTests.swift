import XCTest
import Subpix
import SubpixFiles
import SubpixPictures
import SubpixSession
@testable import SubpixTUI
import TestSupport

/// The grid of small multiples (`#`) on the committed (4, 17, 64, 48) grid file, in process.
final class GridViewTests: XCTestCase {
    private func screen(_ model: ViewerModel) -> String { Renderer().render(model).textPlane }

    private func gridModel(size: (width: Int, height: Int) = (120, 40)) throws -> ViewerModel {
        let model = try GridFile.model(size: size, output: try scratchDirectory("subpix-grid"))
        model.send(.key(.character("#")))
        return model
    }

    /// At 120 × 40 all 17 channels fit on one page (6 × 3 panels of 20 × 12); each label
    /// names its channel with ✓ and its count, or ⊘ "no peak" for the flat and near-zero
    /// ones; with `dark`, every listed point is within 0.6 px of a true peak and every
    /// true peak has one.
    func testSeventeenPanelsFitAt120x40WithCountsAndBadges() throws {
        let model = try gridModel()
        XCTAssertEqual(model.grid, GridState(axis: .channels, selection: 0))
        let layout = try XCTUnwrap(model.gridLayout)
        XCTAssertEqual([layout.columns, layout.rows, layout.panelWidth, layout.panelHeight], [6, 3, 20, 12])
        XCTAssertEqual(model.gridPage.count, 1)
        XCTAssertEqual(model.gridPanels.count, 17)
        let text = screen(model)
        XCTAssertTrue(text.contains("channels of batch 0 · page 1/1 · 13 with a peak, 4 without"), text)
        for channel in 0..<GridFile.channels {
            let truth = try GridFile.truth(batch: 0, channel: channel)
            let label = (channel == 0 ? "▸" : "") + "c\(channel) " + (GridFile.empty.contains(channel) ? "⊘ no peak" : "✓ \(truth.count) kp")
            XCTAssertTrue(text.contains(label), "\(label) in\n\(text)")
        }
        XCTAssertTrue(model.run("view.method = 'dark'"))
        for channel in 0..<GridFile.channels {
            let truth = try GridFile.truth(batch: 0, channel: channel)
            let points = try XCTUnwrap(model.gridRuns[MapIndex(batch: 0, channel: channel)]?.first?.keypoints)
            XCTAssertEqual(points.count, truth.count, "channel \(channel)")
            for peak in truth {
                let error = points.map { hypot($0.x - peak.x, $0.y - peak.y) }.min() ?? .infinity
                XCTAssertLessThan(error, 0.6, "channel \(channel) peak \(peak)")
            }
        }
    }

    /// Arrows move the selection by one panel or one row of 6; Enter opens that map
    /// (journaled as a view statement); `#` goes back to the grid on it; Tab shows every
    /// batch item of the shown channel.
    func testArrowsEnterHashAndTab() throws {
        let model = try gridModel()
        for key in [Key.right, .right, .down, .left, .up, .up] { model.send(.key(key)) }
        XCTAssertEqual(model.grid?.selection, 1, "right right down left: 2 → 8 → 7; up: 1; up at the top stays")
        model.send(.key(.down))
        model.send(.key(.enter))
        XCTAssertNil(model.grid)
        XCTAssertEqual([model.session.view.batch, model.session.view.channel], [0, 7])
        XCTAssertEqual(model.session.journal.last, "view.channel = 7")
        XCTAssertEqual(model.runs.first?.keypoints.count, 1, "the single view lists channel 7's peak")
        model.send(.key(.character("#")))
        XCTAssertEqual(model.grid?.selection, 7)
        XCTAssertTrue(screen(model).contains("▸c7 ✓ 1 kp"))
        model.send(.key(.tab))
        XCTAssertEqual(model.grid, GridState(axis: .batches, selection: 0))
        XCTAssertEqual(model.gridPanels.map(\.index), (0..<4).map { MapIndex(batch: $0, channel: 7) })
        XCTAssertTrue(screen(model).contains("batch items of channel 7"))
        XCTAssertTrue(screen(model).contains("b3 ✓ 1 kp"))
    }

    /// 133 channels at 120 × 40 page: panels of the minimum 15 × 6, 8 × 6 = 48 a page,
    /// 3 pages; PgDn moves the selection a page on, and the header says so.
    func testManyChannelsPage() throws {
        let session = Session(output: { _ in })
        try session.execute("wholebody = zeros((1, 133, 96, 72))")
        let model = ViewerModel(session: session, colorMode: .xterm256, size: (120, 40), outputDirectory: try scratchDirectory("subpix-grid"))
        model.send(.key(.character("#")))
        let layout = try XCTUnwrap(model.gridLayout)
        XCTAssertEqual([layout.columns, layout.rows, layout.perPage], [8, 6, 48])
        XCTAssertEqual(model.gridPage.count, 3)
        model.send(.key(.pageDown))
        XCTAssertEqual(model.grid?.selection, 48)
        XCTAssertEqual(model.gridPanels.first?.index.channel, 48)
        XCTAssertTrue(screen(model).contains("page 2/3"))
        model.send(.key(.pageDown))
        model.send(.key(.pageDown))
        XCTAssertEqual(model.grid?.selection, 132, "the last page holds the last 37 maps")
        XCTAssertEqual(model.gridPanels.count, 37)
        XCTAssertTrue(screen(model).contains("c131 ⊘ no peak"), "a map of zeros has no peak")
    }

    /// `E` writes every map's keypoints with `subpix extract`'s columns: a row for every
    /// true peak of the 68 maps (within a hard argmax's reach at the defaults), none for
    /// the flat and near-zero channels.
    func testExportHasEveryRealPeakAndNoFlatChannel() throws {
        let model = try gridModel()
        model.sourceFile = GridFile.path
        model.send(.key(.character("E")))
        XCTAssertEqual(model.message?.hasPrefix("wrote 60 keypoints of 68 maps to "), true, model.message ?? "")
        let text = try String(contentsOf: model.outputDirectory.appendingPathComponent("subpix-maps.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.removeFirst(), "file,member,frame,batch,channel,x,y,value,method")
        let rows = lines.map { $0.split(separator: ",").map(String.init) }
        XCTAssertTrue(rows.allSatisfy { $0.count == 9 && $0[0] == GridFile.path && $0[1] == "heat" && $0[2] == "0" && $0[8] == "conv_soft_argmax2d" })
        XCTAssertFalse(rows.contains { GridFile.empty.contains(Int($0[4]) ?? -1) }, "no row for a flat or near-zero channel")
        for batch in 0..<GridFile.batches {
            for channel in 0..<GridFile.channels {
                let mine = rows.filter { $0[3] == "\(batch)" && $0[4] == "\(channel)" }.map { (Double($0[5])!, Double($0[6])!) }
                let truth = try GridFile.truth(batch: batch, channel: channel)
                XCTAssertEqual(mine.count, truth.count, "(\(batch), \(channel))")
                for peak in truth {
                    XCTAssertLessThan(mine.map { hypot($0.0 - peak.x, $0.1 - peak.y) }.min() ?? .infinity, 0.75, "(\(batch), \(channel)) \(peak)")
                }
            }
        }
    }

    /// The grid's picture: a label over each map, in the badge colours — green for a
    /// count, red for "no peak" — where ``GridPicture/origin(of:)`` puts it, read back from the PNG.
    func testGridPictureHasItsLabels() throws {
        let model = try gridModel()
        let picture = try GridSnapshot(model).picture()
        XCTAssertEqual(picture.panels.map(\.name), (0..<17).map { "C\($0)" })
        XCTAssertEqual(picture.panels.map(\.hasPeak), (0..<17).map { !GridFile.empty.contains($0) })
        XCTAssertEqual(picture.panels.map(\.keypoints), (0..<17).map { GridFile.empty.contains($0) ? nil : (try? GridFile.truth(batch: 0, channel: $0).count) })
        let path = model.outputDirectory.appendingPathComponent("grid.png").path
        try GridSnapshot(model).write(to: path, overwrite: false)
        let image = try RGBFile(path)
        func labelColours(_ index: Int) -> Set<RGB> {
            let (x, y) = picture.origin(of: index)
            var colours = Set<RGB>()
            for row in y..<(y + PixelFont.glyphHeight * GridPicture.labelScale) {
                for column in x..<min(image.width, x + 120) { colours.insert(image.pixel(column, row)) }
            }
            return colours
        }
        for index in 0..<17 {
            let colours = labelColours(index)
            XCTAssertTrue(colours.contains(GridPicture.textColor), "panel \(index)'s name")
            XCTAssertEqual(colours.contains(GridPicture.noPeakColor), GridFile.empty.contains(index), "panel \(index)'s badge")
            XCTAssertEqual(colours.contains(GridPicture.peakColor), !GridFile.empty.contains(index), "panel \(index)'s badge")
        }
    }

    /// Issue 25, item 11: `--snapshot out.png --grid` labels its colour bar as the viewer's
    /// picture does. On the whole tensor's range (`G`: one scale for every panel) the labels
    /// are its values; read back, text pixels stand in the bottom 16-px row (under the bar,
    /// in the 6-px margins) at the left end, the middle and the right end.
    func testGridPictureLabelsItsColourBar() throws {
        let model = try gridModel()
        XCTAssertTrue(model.run("view.range = 'tensor'"))
        let picture = try GridSnapshot(model).picture()
        XCTAssertEqual(picture.tickLabels, LabelledPicture.tickLabels(model.colorScale))
        let path = model.outputDirectory.appendingPathComponent("labelled-grid.png").path
        try GridSnapshot(model).write(to: path, overwrite: false)
        let image = try RGBFile(path)
        let (top, bar) = (image.height - 16, image.width - 12)
        func text(_ columns: Range<Int>) -> Int {
            (top..<(top + 10)).reduce(0) { sum, y in sum + columns.filter { image.pixel(6 + $0, y) == GridPicture.textColor }.count }
        }
        XCTAssertGreaterThan(text(0..<24), 10, "the low end")
        XCTAssertGreaterThan(text((bar / 2 - 12)..<(bar / 2 + 12)), 10, "the middle")
        XCTAssertGreaterThan(text((bar - 24)..<bar), 10, "the high end")
    }
}
