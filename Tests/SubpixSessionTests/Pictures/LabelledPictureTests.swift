import XCTest
import Subpix
import SubpixPictures

/// A picture with its title, colour-bar values and legend (the viewer's PNG snapshots).
final class LabelledPictureTests: XCTestCase {
    /// Issue 25: a signed map coloured on ±bound was labelled with its own min and max
    /// (`-0.7667 … 0.2797`). Values −0.5 … 1 have a negative side over a fifth of the positive,
    /// so the scale is centred: the palette spans −1 … 1 and the labels say so.
    func testColourBarLabelsSayTheRangeThePaletteSpans() {
        let signed = HeatmapPicture(values: [-0.5, 1], width: 2, height: 1, colorMap: ColorMap(.diverging),
                                    scale: ColorScale(fitting: [-0.5, 1]))
        XCTAssertEqual(LabelledPicture(signed, title: [], legend: []).tickLabels, ["-1", "0", "1"])
        let plain = HeatmapPicture(values: [0.25, 2.25], width: 2, height: 1, colorMap: ColorMap(.viridis),
                                   scale: ColorScale(fitting: [0.25, 2.25]))
        XCTAssertEqual(LabelledPicture(plain, title: [], legend: []).tickLabels, ["0.25", "1.25", "2.25"])
    }

    /// Layout, worked by hand: a 4 × 3 map at upscale 8 is 32 × 24, a gap of 4 and a bar of
    /// 16 (HeatmapPicture); two title lines of 2 × 5-pixel font plus a 6-pixel margin (16
    /// each) put the map at (6, 6 + 32); under the bar half a margin (3) and a line of values
    /// (16), two legend lines (32) and the bottom margin (6): 38 + 44 + 3 + 16 + 32 + 6 = 139.
    /// The title "ABCDEFGHIJ" is (10 · 4 − 1) · 2 = 78 pixels, wider than the map: 78 + 12 = 90.
    func testLayoutAndWhatIsDrawnWhere() {
        let values = (0..<12).map(Double.init)
        let picture = HeatmapPicture(values: values, width: 4, height: 3, colorMap: ColorMap(.viridis),
                                     scale: ColorScale(fitting: values), upscale: 8)
        let labelled = LabelledPicture(picture, title: ["ABCDEFGHIJ", "B"],
                                       legend: [.init(.truth, "TRUTH"), .init(MarkerStyle.of(.nms2d), "NMS2D")])
        XCTAssertEqual(labelled.mapOrigin.x, 6)
        XCTAssertEqual(labelled.mapOrigin.y, 38)
        let image = labelled.render()
        XCTAssertEqual(image.width, 90)
        XCTAssertEqual(image.height, 139)
        // The title's "A" (.#. / #.# / ###...): its top-middle font pixel at (6 + 2, 6).
        XCTAssertEqual(image[8, 6], GridPicture.textColor)
        XCTAssertEqual(image[6, 6], GridPicture.background)
        // The map is the picture's own render, moved by the origin.
        let bare = picture.render()
        XCTAssertEqual(image[6 + 9, 38 + 17], bare[9, 17])
        // Values under the bar (rows 38 + 44 + 3 = 85 on): "0" at the left, "11" ending at the right.
        let valueRows = 85..<95
        XCTAssertTrue(valueRows.contains { y in (6..<12).contains { image[$0, y] == GridPicture.textColor } }, "low end's label")
        XCTAssertTrue(valueRows.contains { y in (26..<38).contains { image[$0, y] == GridPicture.textColor } }, "high end's label")
        // Each legend marker in its colour (made to contrast with the background) on its line.
        for (line, style) in [MarkerStyle.truth, MarkerStyle.of(.nms2d)].enumerated() {
            let color = style.color.contrasting(against: GridPicture.background)
            let rows = (101 + 16 * line)..<(101 + 16 * line + 16)
            XCTAssertTrue(rows.contains { y in (0..<20).contains { image[$0, y] == color } }, "legend line \(line)")
        }
    }
}
