import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession
import TestSupport

/// `save(x, "map.png", ...)`: files read back through libpng, compared with the published
/// palette colours and with positions derived by hand.
final class PNGPictureTests: ScriptTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try scratchDirectory("subpix-png")
        // A 6 × 4 map: 0 everywhere, 0.5 at (1, 1), its peak 1 at (4, 2).
        try value("m = zeros((1, 1, 4, 6))")
        var map = [Float](repeating: 0, count: 24)
        map[1 * 6 + 1] = 0.5
        map[2 * 6 + 4] = 1
        session.assign("m", .tensor(.float32(try Tensor(shape: [1, 1, 4, 6], elements: map))))
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The picture's map starts 6 px in from its top-left corner (the labelled picture's margin).
    private let margin = 6

    /// The file through libpng as 8-bit RGB; `pixel` reads the map's pixels (from the margin on).
    private func readRGB(_ path: String) throws -> (width: Int, height: Int, pixel: (Int, Int) -> RGB) {
        let file = try RGBFile(path)
        return (file.width, file.height, { [margin] in file.pixel(margin + $0, margin + $1) })
    }

    /// Size: 6·8 wide; 4·8 map rows + a gap of max(2, 8/2) = 4 + a colour bar of max(8, 2·8) = 16,
    /// then 3 px and a 16-px row of values under the bar, in 6-px margins.
    /// The peak's pixels are viridis' top colour #fde725 (matplotlib), the zeros its bottom #440154.
    func testSizePeakColourAndBottomColour() throws {
        try value("save(m, \"\(path("v.png"))\", palette=\"viridis\", scale=8)")
        let png = try readRGB(path("v.png"))
        XCTAssertEqual(png.width, 6 + 48 + 6)
        XCTAssertEqual(png.height, 6 + 32 + 4 + 16 + 3 + 16 + 6)
        for (dx, dy) in [(0, 0), (7, 7), (3, 5)] {
            XCTAssertEqual(png.pixel(4 * 8 + dx, 2 * 8 + dy), RGB(hex: 0xFDE725), "every pixel of the peak's 8×8 block")
        }
        XCTAssertEqual(png.pixel(0, 0), RGB(hex: 0x440154))
        XCTAssertEqual(png.pixel(0, 36), RGB(hex: 0x440154), "colour bar starts at the bottom colour")
        XCTAssertEqual(png.pixel(47, 51), RGB(hex: 0xFDE725), "and ends at the top colour")
        XCTAssertEqual(printed.last, "saved \(path("v.png"))")
    }

    /// Without a palette the picture is grey: 0 black, the peak white, 0.5 mid-grey
    /// (matplotlib's gray at stop 128 of 256 is 128/255). At scale 1 the bar's values are
    /// wider than the 6-px map: `0 1` (3 glyphs of 4 px less one, doubled: 22 px) sets the width.
    func testDefaultIsGreyAndRangeFixesTheScale() throws {
        try value("save(m, \"\(path("g.png"))\")")
        let grey = try readRGB(path("g.png"))
        XCTAssertEqual(grey.width, 6 + 22 + 6)
        XCTAssertEqual(grey.pixel(4, 2), .white)
        XCTAssertEqual(grey.pixel(0, 0), .black)
        XCTAssertEqual(grey.pixel(1, 1), RGB(128, 128, 128))
        try value("save(m, \"\(path("r.png"))\", range=(0, 2))")
        let ranged = try readRGB(path("r.png"))
        XCTAssertEqual(ranged.pixel(4, 2), RGB(128, 128, 128), "1 on a 0…2 scale is mid-grey")
        XCTAssertEqual(ranged.pixel(1, 1), RGB(64, 64, 64), "0.5 on 0…2 is stop 64: 64/255")
    }

    /// A keypoint at (1.75, 1.25) is marked around image pixel ((1.75 + 0.5)·8, (1.25 + 0.5)·8)
    /// = (18, 14): the pixels that change with the marker are centred there, the centre pixel
    /// among them, in a colour with ≥ 3 : 1 contrast against the map there.
    func testMarkerSitsAtTheKeypointsSubPixelPosition() throws {
        session.assign("kp", .keypoints([Keypoint(batch: 0, channel: 0, x: 1.75, y: 1.25, value: 1)]))
        try value("save(m, \"\(path("plain.png"))\", palette=\"viridis\", scale=8)")
        try value("save(m, \"\(path("marked.png"))\", palette=\"viridis\", scale=8, keypoints=kp)")
        let (plain, marked) = (try readRGB(path("plain.png")), try readRGB(path("marked.png")))
        var changed = [(Int, Int)]()
        for y in 0..<32 { for x in 0..<48 where plain.pixel(x, y) != marked.pixel(x, y) { changed.append((x, y)) } }
        XCTAssertFalse(changed.isEmpty)
        let centroid = (Double(changed.map(\.0).reduce(0, +)) / Double(changed.count), Double(changed.map(\.1).reduce(0, +)) / Double(changed.count))
        XCTAssertEqual(centroid.0, 18, accuracy: 0.01)
        XCTAssertEqual(centroid.1, 14, accuracy: 0.01)
        XCTAssertNotEqual(marked.pixel(18, 14), plain.pixel(18, 14), "the keypoint's own pixel is marked")
        XCTAssertGreaterThanOrEqual(marked.pixel(18, 14).contrastRatio(with: plain.pixel(18, 14)), 3)
        XCTAssertEqual(marked.pixel(4 * 8 + 4, 2 * 8 + 4), plain.pixel(4 * 8 + 4, 2 * 8 + 4), "far from the marker nothing changes")
    }

    /// Two keypoint lists get two different marker shapes (the viewer's first two methods).
    func testKeypointListsGetDistinctMarkers() throws {
        session.assign("a", .keypoints([Keypoint(batch: 0, channel: 0, x: 1, y: 1, value: 1)]))
        session.assign("b", .keypoints([Keypoint(batch: 0, channel: 0, x: 4, y: 2, value: 1)]))
        try value("save(m, \"\(path("two.png"))\", palette=\"magma\", scale=16, keypoints=[a, b])")
        let png = try readRGB(path("two.png"))
        // A plus covers the pixel 5 px straight right of its centre; a cross does not.
        let (a, b) = ((1 * 16 + 8, 1 * 16 + 8), (4 * 16 + 8, 2 * 16 + 8))
        XCTAssertNotEqual(png.pixel(a.0 + 5, a.1), png.pixel(a.0 + 5, a.1 + 3), "plus arm at a")
        XCTAssertEqual(png.pixel(b.0 + 5, b.1 + 5), png.pixel(b.0 + 4, b.1 + 4), "cross diagonal at b")
    }

    /// A colour bar 320 px wide shows at least 200 distinct colours (the 256-stop table).
    func testColourBarHasManyColours() throws {
        try value("w = zeros((1, 1, 2, 40))")
        try value("save(w, \"\(path("wide.png"))\", palette=\"viridis\", scale=8)")
        let png = try readRGB(path("wide.png"))
        let bar = Set((0..<320).map { png.pixel($0, 2 * 8 + 4 + 15) })   // the bar's last row
        XCTAssertGreaterThanOrEqual(bar.count, 200)
    }

    /// Issue 25, item 11: the picture carries its colour bar's values like the viewer's
    /// snapshot. Under the 320-px bar of a 40 × 2 map (0 everywhere, 1 at one pixel) at scale
    /// 8, 3 px down, text pixels stand at its left end (`0`), middle (`0.5`) and right end (`1`).
    func testColourBarValuesAreWrittenUnderIt() throws {
        var values = [Float](repeating: 0, count: 80)
        values[10] = 1
        session.assign("w", .tensor(.float32(try Tensor(shape: [1, 1, 2, 40], elements: values))))
        try value("save(w, \"\(path("labelled.png"))\", palette=\"viridis\", scale=8)")
        let file = try RGBFile(path("labelled.png"))
        let valuesTop = margin + 2 * 8 + 4 + 16 + 3
        XCTAssertGreaterThanOrEqual(file.height, valuesTop + 10, "a row of values under the bar")
        func text(_ columns: Range<Int>) -> Int {
            (valuesTop..<min(file.height, valuesTop + 10)).reduce(0) { sum, y in
                sum + columns.filter { file.pixel(margin + $0, y) == GridPicture.textColor }.count
            }
        }
        XCTAssertGreaterThan(text(0..<20), 10, "the low end's value")
        XCTAssertGreaterThan(text(140..<180), 10, "the middle's")
        XCTAssertGreaterThan(text(300..<320), 10, "the high end's")
    }

    func testBadPictureArgumentsAreClearErrors() throws {
        let p = path("bad.png")
        let cases = [
            ("save(m, \"\(p)\", scale=0)", "1:1: save(): expected scale to be an integer from 1 to 64, got int 0"),
            ("save(m, \"\(p)\", scale=65)", "1:1: save(): expected scale to be an integer from 1 to 64, got int 65"),
            ("save(m, \"\(p)\", palette=\"jet\")", "1:1: save(): expected palette to be one of 'auto', 'viridis', 'magma', 'gray', 'diverging', got str 'jet'"),
            ("save(m, \"\(p)\", range=(1, 0))", "1:1: save(): expected range to be a tuple (lo, hi) of finite numbers with lo < hi, got tuple (1, 0)"),
            ("save(m, \"\(p)\", keypoints=3)", "1:1: save(): expected keypoints to be keypoints or a list of keypoints, got int 3"),
            ("save(zeros((2, 1, 4, 4)), \"\(p)\")", "1:1: save(): expected value to be a single map, (H, W) or (1, 1, H, W), for .png (pick one with x[b, c]), got a tensor of shape (2, 1, 4, 4)"),
            ("save(m, \"\(path("x.npy"))\", palette=\"viridis\")", "1:1: save(): expected palette to be None unless the file is a .png, got palette= for 'x.npy'"),
            ("save(zeros((1, 1, 4096, 4096)), \"\(p)\", scale=64)", "1:1: save(): expected scale to be small enough for at most 67108864 pixels, got 262144×262304"),
        ]
        for (source, message) in cases {
            XCTAssertThrowsError(try session.execute(source), source) {
                // The position points at the offending argument; the message is what matters here.
                XCTAssertEqual("\($0)".drop { $0 != " " }.dropFirst(), Substring(message.dropFirst(5)), source)
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: p), "no file is written on an error")
    }
}
