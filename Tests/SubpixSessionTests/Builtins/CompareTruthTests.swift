import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession
import TestSupport

/// `compare(x, truth=...)` with the user's own ground truth. Two channels of
/// render_gaussian2d blobs centred on pixels (x, y) = (5, 7) and (10, 3): the hard
/// argmax lands exactly on each centre, so its error against a true point is the
/// plain distance from that centre (hand-derived below).
final class CompareTruthTests: ScriptTestCase {
    private func makeTwoChannels() throws -> URL {
        let directory = try scratchDirectory()
        try "5,7\n10,3\n".write(to: directory.appendingPathComponent("mean.csv"), atomically: true, encoding: .utf8)
        try value("""
            mean = load('\(directory.path)/mean.csv').reshape(1, 2, 2)
            g = render_gaussian2d(mean, mean * 0 + 1.5, (12, 16), normalized_coordinates=False)
            heat = g / max(g)
            """)
        return directory
    }

    private func hardArgmaxErrors(_ truth: String) throws -> (mean: Double, max: Double) {
        guard case .list(let rows)? = try value("compare(heat, truth=\(truth), timings=False)"),
              case .tuple(let first) = rows[0], case .float(let mean) = first[1], case .float(let max) = first[2] else {
            throw ScriptError("compare returned no rows")
        }
        return (mean, max)
    }

    func testATensorOfOnePointPerMapIsMeasuredMapByMap() throws {
        let directory = try makeTwoChannels()
        XCTAssertEqual(try value("heat.shape"), .tuple([1, 2, 12, 16].map(Value.int)))
        func truth(_ name: String, _ csv: String) throws {
            try csv.write(to: directory.appendingPathComponent("\(name).csv"), atomically: true, encoding: .utf8)
            try value("\(name) = load('\(directory.path)/\(name).csv').reshape(1, 2, 2)")
        }
        // Truth on the centres: no error.
        XCTAssertEqual(try hardArgmaxErrors("mean").mean, 0, accuracy: 1e-9)
        // 0.5 px off in x in channel 0, 0.25 px off in y in channel 1: mean 0.375, max 0.5.
        try truth("shifted", "5.5,7\n10,3.25\n")
        let shifted = try hardArgmaxErrors("shifted")
        XCTAssertEqual(shifted.mean, 0.375, accuracy: 1e-9)
        XCTAssertEqual(shifted.max, 0.5, accuracy: 1e-9)
        // Channel 0's truth at channel 1's blob: measured in channel 0 it is hypot(5, 3.75) = 6.25
        // away (the nearest keypoint over both maps would wrongly give 0.25).
        try truth("swapped", "10,3.25\n10,3\n")
        let swapped = try hardArgmaxErrors("swapped")
        XCTAssertEqual(swapped.max, 6.25, accuracy: 1e-9)
        XCTAssertEqual(swapped.mean, 3.125, accuracy: 1e-9)
    }

    func testAListAKeypointCsvAndTheGaussiansPeaksAgree() throws {
        try value("""
            heat = gaussians(size=(20, 24), peaks=[(6, 5, 1.5), (17, 13, 2)])
            implicit = compare(heat, timings=False)
            listed = compare(heat, truth=[(6, 5), (17, 13)], timings=False)
            """)
        XCTAssertEqual(session.variables["listed"], session.variables["implicit"])
        let csv = try scratchDirectory().appendingPathComponent("truth.csv").path
        try "batch,channel,x,y,value\n0,0,6.5,5,1\n0,0,17,13,1\n".write(toFile: csv, atomically: true, encoding: .utf8)
        guard case .list(let rows)? = try value("compare(heat, truth='\(csv)', timings=False)"),
              case .tuple(let hard) = rows[0] else { return XCTFail() }
        XCTAssertEqual(hard[1], .float(0.25), "hard argmax: 0.5 px off one peak of two")
        XCTAssertEqual(hard[2], .float(0.5))
        XCTAssertEqual(try value("compare(heat, truth=load('\(csv)'), timings=False)"), try value("compare(heat, truth='\(csv)', timings=False)"))
    }

    /// Tutorial chapter 7: at T = 0.1 every 3x3 window holding a peak pools to about its
    /// value; k×k suppression kept several windows of peak 1, which filled the top 3 and left
    /// peaks 2 and 3 at their distance to peak 1 (a 23 px mean). With (2k−1)×(2k−1)
    /// suppression each peak gets its own window, whose soft-argmax lies within a pixel of it.
    func testTheWindowedSoftArgmaxKeepsOneWindowPerPeak() throws {
        try value("""
            noisy = gaussians(size=(48, 64), peaks=[(14.3, 12.7, 2.5), (40.6, 30.2, 3.5, 0.8), (52.2, 10.4, 1.8, 0.6)], noise=0.05, seed=1)
            rows = compare(noisy, temperature=0.1, timings=False)
            """)
        guard case .tuple(let conv)? = try value("rows[2]"), case .float(let maxError) = conv[2] else { return XCTFail() }
        XCTAssertEqual(conv[0], .string("conv_soft_argmax2d"))
        XCTAssertLessThan(maxError, 1)
    }

    func testBadTruthIsNamed() throws {
        try value("heat = zeros((1, 2, 8, 8))")
        assertErrors([
            ("compare(heat)", "1:1: compare(): expected truth= (a list of (x, y), a (B, K, 2) tensor, keypoints or a keypoint .csv/.json path), or input made by gaussians(...), whose true peaks are known"),
            ("compare(heat, truth=[(1, 2, 3)])", "1:21: compare(): expected truth to be a list of (x, y), a (B, K, 2) tensor, keypoints or a keypoint .csv/.json path, got the item (1, 2, 3)"),
            ("compare(heat, truth=zeros((1, 3, 2)))", "1:21: compare(): expected truth to be points in the maps of an input of shape (1, 2, 8, 8), got a point in batch 0, channel 2"),
            ("compare(heat, truth=zeros((1, 3)))", "1:21: compare(): expected truth to be a list of (x, y), a (B, K, 2) tensor, keypoints or a keypoint .csv/.json path, got a tensor of shape (1, 3)"),
            ("compare(heat, truth=[])", "1:21: compare(): expected truth to be at least one point, got list []"),
        ])
    }
}
