import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// `vjp(op, *inputs, cotangents=..., **op_kwargs)` and `influence(...)` in scripts.
final class GradientBuiltinTests: ScriptTestCase {
    /// vjp gives what the core's pullback gives, with the op's keywords forwarded.
    func testVjpOfEachOpIsTheCorePullback() throws {
        try value("x = randn((2, 3, 6, 7), seed=1, dtype='float64')")
        try value("g = randn((2, 3, 2), seed=2, dtype='float64')")
        try value("dx = vjp(spatial_soft_argmax2d, x, cotangents=g, temperature=3.0, normalized_coordinates=False)")
        let x = try XCTUnwrap(session.tensor(named: "x")).tensor(as: Double.self)
        let g = try XCTUnwrap(session.tensor(named: "g")).tensor(as: Double.self)
        let expected = try spatialSoftArgmax2dWithPullback(x, temperature: 3, normalizedCoordinates: false).pullback(g)
        XCTAssertEqual(try elements("dx"), expected.elements)

        try value("c, v = conv_soft_argmax2d(x, (3, 3), (2, 2), (1, 1), output_value=True)")
        try value("gc = randn(c.shape, seed=3, dtype='float64')")
        try value("gv = randn(v.shape, seed=4, dtype='float64')")
        try value("dc = vjp(conv_soft_argmax2d, x, (3, 3), (2, 2), (1, 1), output_value=True, cotangents=(gc, gv))")
        let (gc, gv) = (try XCTUnwrap(session.tensor(named: "gc")).tensor(as: Double.self), try XCTUnwrap(session.tensor(named: "gv")).tensor(as: Double.self))
        let (_, pullback) = try convSoftArgmax2dWithPullback(x, kernelSize: [3, 3], stride: [2, 2], padding: [1, 1], outputValue: true)
        XCTAssertEqual(try elements("dc"), try pullback(gc, gv).elements)
        // None for the values' cotangent counts as zero.
        try value("dn = vjp(conv_soft_argmax2d, x, output_value=True, stride=(2, 2), cotangents=(gc, None))")
        XCTAssertEqual(try elements("dn"), try pullback(gc, nil).elements)
    }

    func testRenderGivesAGradientForMeanAndStd() throws {
        try value("mean = randn((3, 2), seed=5, dtype='float64') * 2 + 4")
        try value("std = ones((3, 2), dtype='float64') * 1.5")
        try value("g = randn((3, 7, 9), seed=6, dtype='float64')")
        guard case .tuple(let gradients)? = try value("vjp(render_gaussian2d, mean, std, (7, 9), normalized_coordinates=False, cotangents=g)") else {
            return XCTFail("expected a tuple (mean, std)")
        }
        XCTAssertEqual(gradients.count, 2)
        XCTAssertEqual(gradients.compactMap { if case .tensor(let t) = $0 { t.shape } else { nil } }, [[3, 2], [3, 2]])
    }

    func testVjpErrorsNameWhatWasExpected() {
        try? value("x = randn((1, 1, 4, 4))")
        try? value("g = randn((1, 1, 2))")
        assertErrors([
            ("vjp(nms2d, x, (3, 3), cotangents=g)",
             "1:5: vjp(): expected op to be a differentiable op (conv_soft_argmax2d, conv_soft_argmax3d, render_gaussian2d, spatial_expectation2d, spatial_soft_argmax2d, spatial_softmax2d), got <builtin nms2d>"),
            ("vjp(3, x, cotangents=g)", "1:5: vjp(): expected op to be a builtin such as spatial_soft_argmax2d, got int 3"),
            ("vjp(spatial_soft_argmax2d, x)", "1:1: vjp(): expected cotangents to be a tensor (or a tuple for several outputs), got None"),
            ("vjp(spatial_soft_argmax2d, x, cotangents=(g, g))",
             "1:1: vjp(): expected cotangents to be a tensor for spatial_soft_argmax2d's output, got a tuple"),
            ("vjp(spatial_soft_argmax2d, x, cotangents=x)",
             "1:1: spatial_soft_argmax2d: expected a cotangent of the output's shape (1, 1, 2), got (1, 1, 4, 4)"),
            ("vjp(spatial_soft_argmax2d, x, cotangents=g, temprature=2)",
             "1:1: spatial_soft_argmax2d() got an unexpected keyword 'temprature'; did you mean 'temperature'? valid keywords: input, temperature, normalized_coordinates"),
        ])
    }

    /// The influence of a soft-argmax keypoint sums to zero over its map: adding a
    /// constant to the map moves nothing. For the windowed op, up to kornia's eps.
    func testInfluenceSumsToZeroForTheSoftArgmaxMethods() throws {
        try value("x = gaussians((20, 24), [(7.3, 9.6, 2.0, 3.0), (17.2, 5.1, 1.5, 2.0)], noise=0.05, seed=2)")
        for statement in [
            "i = influence(x, keypoint=(0, 0), axis='x', temperature=2.0)",
            "i = influence(x, keypoint=(0, 0), axis='y', normalized_coordinates=False)",
            "i = influence(x, method='conv_soft_argmax2d', keypoint=(0, 0, 1), axis='x', kernel_size=(5, 5), padding=(2, 2))",
            "i = influence(x, method='conv_soft_argmax2d', keypoint=(0, 0, 0), axis='y', normalized_coordinates=True)",
        ] {
            try value(statement)
            let map = try elements("i")
            XCTAssertEqual(map.count, 480, statement)
            XCTAssertGreaterThan(map.map(abs).max() ?? 0, 1e-3, statement)
            XCTAssertEqual(map.reduce(0, +), 0, accuracy: 1e-5 * map.map(abs).reduce(0, +), statement)
        }
    }

    func testInfluenceIsZeroForTheHardArgmax() throws {
        try value("x = gaussians((20, 24), [(7.3, 9.6, 2.0)])")
        try value("i = influence(x, method='nms2d', keypoint=(0, 0, 0), kernel_size=(3, 3))")
        XCTAssertTrue(try elements("i").allSatisfy { $0 == 0 })
    }

    /// A sharp peak: nearly all of the keypoint's pull comes from within 2 px of it.
    func testInfluenceOfASharpPeakConcentratesWithinTwoPixels() throws {
        try value("x = gaussians((20, 24), [(11.4, 8.7, 0.7, 30.0)])")
        try value("i = influence(x, keypoint=(0, 0), axis='x', normalized_coordinates=False)")
        let map = try elements("i")
        let (near, elsewhere) = Influence.mass(map, height: 20, width: 24, near: (11.4, 8.7))
        XCTAssertGreaterThan(near / (near + elsewhere), 0.99)
        guard case .tuple(let split)? = try value("mass_near(i, (11.4, 8.7))"), split.count == 2 else { return XCTFail("expected a pair") }
        XCTAssertEqual(split.compactMap(\.number), [near, elsewhere])
    }

    func testInfluenceErrors() {
        try? value("x = randn((1, 2, 6, 6))")
        assertErrors([
            ("influence(x, keypoint=(0, 2))", "1:23: influence(): expected keypoint to be a map (b, k) of x's (1, 2), got [0, 2]"),
            ("influence(x, method='conv_quad_interp3d')",
             "1:21: influence(): expected method to be one of spatial_soft_argmax2d, conv_soft_argmax2d, nms2d, got str 'conv_quad_interp3d'"),
            ("influence(x, axis='z')", "1:19: influence(): expected axis to be 'x' or 'y', got str 'z'"),
            ("influence(x, keypoint=(0, 0, 1))", "1:23: influence(): expected keypoint to be one of the 1 keypoints of map (0, 0), got n = 1"),
            ("influence(x, method='nms2d')", "1:1: nms2d() missing required argument 'kernel_size'"),
        ])
    }
}
