import Foundation
import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession
import TestSupport

/// Generators, keypoints, load/save and source.
final class DataBuiltinTests: ScriptTestCase {
    func testZerosOnesAndTheirDtypes() throws {
        try value("z = zeros((1, 1, 2, 3))\no = ones((2,), dtype='float64')\ns = zeros(4)")
        XCTAssertEqual(session.tensor(named: "z"), .float32(try Tensor(shape: [1, 1, 2, 3], elements: [Float](repeating: 0, count: 6))))
        XCTAssertEqual(session.tensor(named: "o"), .float64(try Tensor(shape: [2], elements: [1, 1])))
        XCTAssertEqual(session.tensor(named: "s")?.shape, [4], "an integer is a 1D shape")
        assertErrors([
            ("zeros((2, -1))", "1:7: zeros(): expected shape to be a tuple of non-negative integers, got tuple (2, -1)"),
            ("zeros((100000, 100000, 100000))",
             "1:7: zeros(): expected shape to be small enough for at most \(ReadLimits.maxBytes) bytes; raise it with --max-bytes or SUBPIX_MAX_BYTES, got tuple (100000, 100000, 100000)"),
            ("ones((2, 2), dtype='int8')", "1:20: ones(): expected dtype to be 'float32' or 'float64', got str 'int8'"),
            ("zeros('a')", "1:7: zeros(): expected shape to be a tuple of integers, got str 'a'"),
        ])
    }

    func testRandnIsSeededAndStandardNormal() throws {
        try value("a = randn((100, 100), seed=7)\nb = randn((100, 100), seed=7)\nc = randn((100, 100), seed=8)\nd = randn((2,), dtype='float64')")
        let a = try elements("a")
        XCTAssertEqual(a, try elements("b"), "the same seed gives the same numbers")
        XCTAssertNotEqual(a, try elements("c"))
        XCTAssertEqual(session.tensor(named: "d")?.dtype, .float64)
        // 10 000 standard-normal draws: mean within 4 standard errors (0.04) of 0, variance near 1.
        let mean = a.reduce(0, +) / Double(a.count)
        let variance = a.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(a.count)
        XCTAssertEqual(mean, 0, accuracy: 0.04)
        XCTAssertEqual(variance, 1, accuracy: 0.06)
    }

    func testGaussiansDrawsKnownBlobs() throws {
        try value("heat = gaussians(size=(6, 8), peaks=[(2.5, 3, 1.5), (6, 1, 1, 0.5)])")
        let heat = try XCTUnwrap(session.tensor(named: "heat"))
        XCTAssertEqual(heat.shape, [1, 1, 6, 8])
        // value(row, col) = Σ amplitude · exp(-((col - x)² + (row - y)²) / (2σ²))
        func expected(_ row: Double, _ col: Double) -> Double {
            exp(-((col - 2.5) * (col - 2.5) + (row - 3) * (row - 3)) / (2 * 1.5 * 1.5))
                + 0.5 * exp(-((col - 6) * (col - 6) + (row - 1) * (row - 1)) / 2)
        }
        let values = heat.doubles
        for (row, col) in [(3, 2), (3, 3), (0, 0), (1, 6), (5, 7)] {
            XCTAssertEqual(values[row * 8 + col], expected(Double(row), Double(col)), accuracy: 1e-6, "(\(row), \(col))")
        }
        assertErrors([
            ("gaussians(size=(8, 8), peaks=[(1, 2)])",
             "1:30: gaussians(): expected peaks to be a list of (x, y, sigma[, amplitude]) tuples of numbers, got the peak (1, 2)"),
            ("gaussians(size=(8, 8), peaks=3)", "1:30: gaussians(): expected peaks to be a list of (x, y, sigma[, amplitude]) tuples, got int 3"),
            ("gaussians(size=(100000, 100000), peaks=[])",
             "1:16: gaussians(): expected size to be small enough for at most \(ReadLimits.maxBytes) bytes; raise it with --max-bytes or SUBPIX_MAX_BYTES, got tuple (100000, 100000)"),
        ])
    }

    func testDogBuildsAVolumeWhoseBlobIsAMaximum() throws {
        try value("v = dog(gaussians(size=(16, 16), peaks=[(8, 8, 2)]), levels=3, sigma=1.0)")
        let volume = try XCTUnwrap(session.tensor(named: "v"))
        XCTAssertEqual(volume.shape, [1, 1, 3, 16, 16])
        let level0 = Array(volume.doubles[0..<256])
        XCTAssertEqual(level0.firstIndex(of: level0.max() ?? 0), 8 * 16 + 8, "the blob centre is the strongest DoG response")
    }

    func testKeypointsFromConvSoftArgmaxOfOneBlob() throws {
        try value("""
            heat = gaussians(size=(9, 9), peaks=[(4, 4, 1)])
            coords, vals = conv_soft_argmax2d(heat, output_value=True, normalized_coordinates=False)
            kp = keypoints(coords, vals, mask=nms2d(vals, (3, 3), mask_only=True), top_k=1)
            n = kp.count
            first = kp[0]
            """)
        XCTAssertEqual(session.variables["n"], .int(1))
        guard case .keypoint? = session.variables["first"], let row = session.variables["first"]?.items, row.count == 5 else {
            return XCTFail("kp[0] is one keypoint that reads as its tuple row: \(String(describing: session.variables["first"]))")
        }
        // The 3x3 window around the peak holds g = 1 (centre), e^-1/2 (4 edges), e^-1 (4 corners); it is
        // symmetric, so the soft-argmax is the centre (4, 4) and the value is Σ g·e^g / Σ e^g.
        let g = [1.0] + Array(repeating: exp(-0.5), count: 4) + Array(repeating: exp(-1.0), count: 4)
        let pooled = g.map { $0 * exp($0) }.reduce(0, +) / g.map { exp($0) }.reduce(0, +)
        XCTAssertEqual(row[0], .int(0))
        XCTAssertEqual(row[1], .int(0))
        XCTAssertEqual(row[2].number ?? .nan, 4, accuracy: 1e-5)
        XCTAssertEqual(row[3].number ?? .nan, 4, accuracy: 1e-5)
        XCTAssertEqual(row[4].number ?? .nan, pooled, accuracy: 1e-5)
        try value("all = keypoints(coords, vals, min_value=0.5)\nempty = keypoints(spatial_soft_argmax2d(heat), top_k=0)")
        guard case .keypoints(let all)? = session.variables["all"] else { return XCTFail() }
        XCTAssertTrue(all.allSatisfy { $0.value >= 0.5 })
        XCTAssertEqual(all.first?.value ?? 0, pooled, accuracy: 1e-5, "best first")
        XCTAssertEqual(session.variables["empty"], .keypoints([]))
        assertErrors([
            ("keypoints(coords)", "1:1: keypoints(): expected values to be the values tensor that goes with coords of shape (1, 1, 2, 9, 9), got None"),
            ("keypoints(coords, vals, mask=3)", "1:30: keypoints(): expected mask to be a mask from nms2d/nms3d(..., mask_only=True), got int 3"),
        ])
    }

    /// A slice's keypoints are labelled batch 0, channel 0; relabel gives them the map's own.
    func testRelabelMovesASlicesKeypointsToTheirMap() throws {
        try value("""
            heat = gaussians(size=(9, 9), peaks=[(4, 4, 1)])
            kp = relabel(keypoints(heat, mask=nms2d(heat, (3, 3), mask_only=True)), batch=3, channel=7)
            first = kp[0]
            """)
        XCTAssertEqual(session.variables["first"]?.items, [.int(3), .int(7), .float(4), .float(4), .float(1)], "kp[0] reads as its tuple row")
        assertErrors([
            ("relabel(heat)", "1:9: relabel(): expected kp to be keypoints, got a tensor of shape (1, 1, 9, 9)"),
            ("relabel(kp, batch=-1)", "1:19: relabel(): expected batch to be an integer >= 0, got int -1"),
        ])
    }

    func testSaveWritesWholeFilesReportsThePathAndNeverOverwritesUnlessAsked() throws {
        let directory = try scratchDirectory()
        let path = directory.appendingPathComponent("x.npy").path
        try value("x = randn((1, 1, 3, 4), seed=2, dtype='float64')\nsave(x, '\(path)')")
        XCTAssertEqual(printed, ["saved \(path)"])
        try value("y = load('\(path)')")
        XCTAssertEqual(session.tensor(named: "y"), session.tensor(named: "x"), "float64 round-trips exactly")
        XCTAssertThrowsError(try value("save(zeros((1, 1, 3, 4)), '\(path)')")) {
            XCTAssertEqual("\($0)", "1:1: \(path): file exists; pass overwrite=True to replace it")
        }
        XCTAssertEqual(try elements("y"), try elements("x"), "the refused save left the file alone")
        try value("save(zeros((1, 1, 3, 4)), '\(path)', overwrite=True)\ny = load('\(path)')")
        XCTAssertEqual(try elements("y"), Array(repeating: 0, count: 12))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(leftovers, ["x.npy"], "no temporary file stays behind")
    }

    func testMasksAndKeypointsSaveAndLoad() throws {
        let directory = try scratchDirectory().path
        try value("""
            heat = gaussians(size=(9, 9), peaks=[(4, 4, 1)])
            save(nms2d(heat, (3, 3), mask_only=True), '\(directory)/m.npy')
            kp = keypoints(spatial_soft_argmax2d(heat, temperature=100, normalized_coordinates=False))
            save(kp, '\(directory)/kp.csv')
            save(kp, '\(directory)/kp.json')
            m = load('\(directory)/m.npy')
            a = load('\(directory)/kp.csv')
            b = load('\(directory)/kp.json')
            """)
        XCTAssertEqual(try elements("m").reduce(0, +), 1, "the mask saves as 0/1 with one maximum")
        XCTAssertEqual(session.variables["a"], session.variables["kp"])
        XCTAssertEqual(session.variables["b"], session.variables["kp"])
        assertErrors([
            ("save(3, 'x.npy')", "1:6: save(): expected value to be a tensor, a mask or keypoints, got int 3"),
            ("load(3)", "1:6: load(): expected path to be a string, got int 3"),
        ])
    }

    func testSourceRunsAScriptInThisSession() throws {
        let directory = try scratchDirectory()
        let library = directory.appendingPathComponent("lib.subpix")
        try "base = 40\nview.temperature = 2\nbase + 2\n".write(to: library, atomically: true, encoding: .utf8)
        try value("answer = source('\(library.path)')")
        XCTAssertEqual(session.variables["answer"], .int(42), "source returns the last expression's value")
        XCTAssertEqual(session.variables["base"], .int(40))
        XCTAssertEqual(session.view.temperature, 2)
        XCTAssertEqual(session.journal, ["answer = source('\(library.path)')"], "replaying the call re-runs the file")
        try value("source('\(library.path)')")
        XCTAssertEqual(session.journal.suffix(2), ["base = 40", "view.temperature = 2"], "a bare source journals what it ran")
    }

    func testSourceReportsErrorsInsideTheFileAndStopsRunawayRecursion() throws {
        let directory = try scratchDirectory()
        let broken = directory.appendingPathComponent("broken.subpix")
        try "ok = 1\nbad = nope\n".write(to: broken, atomically: true, encoding: .utf8)
        let loop = directory.appendingPathComponent("loop.subpix")
        try "n = 1\nsource('\(loop.path)')\n".write(to: loop, atomically: true, encoding: .utf8)
        assertErrors([
            ("source('\(broken.path)')", "1:1: in \(broken.path):2:7: name 'nope' is not defined"),
            ("source('\(loop.path)')", "1:1: source(): scripts nested deeper than 16 (runaway recursion?) at \(loop.path)"),
            ("source('/no/such/file.subpix')", "1:8: source(): expected path to be a readable script file, got str '/no/such/file.subpix'"),
        ])
        XCTAssertEqual(session.variables["ok"], .int(1))
        XCTAssertEqual(session.variables["n"], .int(1))
    }
}
