import XCTest
import Subpix
@testable import SubpixPictures
@testable import SubpixSession
import TestSupport

/// `save(x, "grid.png", grid=True)`: every map of a (B, C, H, W) tensor under its label,
/// read back through libpng; the layout worked out by hand from GridPicture's constants.
final class GridPictureTests: ScriptTestCase {
    /// A (2, 3, 8, 8) tensor: every map flat zero but (0, 1) and (1, 2), one pixel of 1 each.
    /// Layout: margin 6; the title's row 2 × 5 + 6 = 16; each panel 8 × 4 = 32 wide, its label
    /// `B1 C2  NO PEAK` (14 characters, 14 × 4 − 1 = 55 font pixels, 110 picture pixels) wider,
    /// so cells are 110 + 6 = 116 wide and 16 + 32 + 6 = 54 high; labels start at
    /// (6 + 116·c, 22 + 54·b). The two spikes are peaks (MAD 0 under a taller maximum):
    /// green `1 KP` where keypoints= marks them; the flat maps red `NO PEAK`.
    func testEveryMapUnderItsLabelWithItsBadge() throws {
        let directory = try scratchDirectory("subpix-grid-png")
        let path = directory.appendingPathComponent("grid.png").path
        var values = [Float](repeating: 0, count: 2 * 3 * 64)
        values[1 * 64 + 3 * 8 + 4] = 1          // (0, 1) at x 4, y 3
        values[5 * 64 + 6 * 8 + 2] = 1          // (1, 2) at x 2, y 6
        session.assign("x", .tensor(.float32(try Tensor(shape: [2, 3, 8, 8], elements: values))))
        try value("kp = keypoints(x, mask=nms2d(x, (3, 3), mask_only=True), min_value=0.5)")
        try value("save(x, \"\(path)\", palette=\"viridis\", scale=4, keypoints=kp, grid=True)")
        let image = try RGBFile(path)
        XCTAssertEqual(image.width, 6 + 3 * 116)
        XCTAssertEqual(image.height, 6 + 16 + 2 * 54 + 12 + 3 + 16, "the bar, 3 px, a row of its values")
        for batch in 0..<2 {
            for channel in 0..<3 {
                let (x, y) = (6 + 116 * channel, 22 + 54 * batch)
                var colours = Set<RGB>()
                for row in y..<(y + 10) { for column in x..<(x + 110) { colours.insert(image.pixel(column, row)) } }
                let peak = (batch, channel) == (0, 1) || (batch, channel) == (1, 2)
                XCTAssertTrue(colours.contains(GridPicture.textColor), "(\(batch), \(channel)) name")
                XCTAssertEqual(colours.contains(GridPicture.peakColor), peak, "(\(batch), \(channel)) green badge")
                XCTAssertEqual(colours.contains(GridPicture.noPeakColor), !peak, "(\(batch), \(channel)) red badge")
            }
        }
    }

    /// Issue 25, item 11: the grid picture's colour bar carries labels like the viewer's
    /// snapshot — its values where every map shares `range=(0, 1)`, `MIN` / `EACH MAP` / `MAX`
    /// where each has its own. Either way text pixels stand 3 px under the 12-px bar (which
    /// spans the width less the 6-px margins) at its left end, middle and right end.
    func testTheColourBarIsLabelled() throws {
        let directory = try scratchDirectory("subpix-grid-png")
        var values = [Float](repeating: 0, count: 3 * 64)
        values[1 * 64 + 3 * 8 + 4] = 1
        session.assign("x", .tensor(.float32(try Tensor(shape: [1, 3, 8, 8], elements: values))))
        for (name, options) in [("shared", ", range=(0, 1)"), ("own", "")] {
            let path = directory.appendingPathComponent("\(name).png").path
            try value("save(x, \"\(path)\", palette=\"viridis\", scale=4, grid=True\(options))")
            let image = try RGBFile(path)
            let top = 6 + 16 + 54 + 12 + 3, bar = image.width - 12
            func text(_ columns: Range<Int>) -> Int {
                (top..<(top + 10)).reduce(0) { sum, y in sum + columns.filter { image.pixel(6 + $0, y) == GridPicture.textColor }.count }
            }
            XCTAssertEqual(image.height, top + 16, name)
            XCTAssertGreaterThan(text(0..<16), 10, "\(name): the low end")
            XCTAssertGreaterThan(text((bar / 2 - 8)..<(bar / 2 + 8)), 10, "\(name): the middle")
            XCTAssertGreaterThan(text((bar - 16)..<bar), 10, "\(name): the high end")
        }
    }

    /// Not a (B, C, H, W) tensor, or not a .png: one-line errors naming what was expected.
    func testWrongInputsAreRefused() throws {
        let directory = try scratchDirectory("subpix-grid-png")
        XCTAssertThrowsError(try value("save(zeros((4, 4)), \"\(directory.path)/a.png\", grid=True)")) { error in
            XCTAssertTrue("\(error)".contains("a (B, C, H, W) tensor for grid=True"), "\(error)")
        }
        XCTAssertThrowsError(try value("save(zeros((1, 2, 4, 4)), \"\(directory.path)/a.npy\", grid=True)")) { error in
            XCTAssertTrue("\(error)".contains("False unless the file is a .png"), "\(error)")
        }
    }

    /// The font's `1` is `.#.`, `##.`, `.#.`, `.#.`, `###`: at scale 2 from (1, 1) its top
    /// pixel is the block (3...4, 1...2), the top-left corner stays background; a lower-case
    /// letter draws as its capital; a width counts 4 pixels a glyph but the last.
    func testPixelFontDrawsItsGlyphsScaled() {
        var image = RGBImage(width: 12, height: 12)
        PixelFont.draw("1", into: &image, x: 1, y: 1, scale: 2, color: .white)
        XCTAssertEqual([image[3, 1], image[4, 2], image[1, 1], image[1, 3], image[6, 9], image[5, 6]], [.white, .white, .black, .white, .white, .black])
        var lower = RGBImage(width: 4, height: 5), upper = RGBImage(width: 4, height: 5)
        PixelFont.draw("k", into: &lower, x: 0, y: 0, scale: 1, color: .white)
        PixelFont.draw("K", into: &upper, x: 0, y: 0, scale: 1, color: .white)
        XCTAssertEqual(lower, upper)
        XCTAssertEqual(PixelFont.width(of: "C13", scale: 2), (3 * 4 - 1) * 2)
    }
}
