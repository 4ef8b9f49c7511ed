import XCTest
import Subpix

/// The registry itself: names, defaults and argument checks, against kornia's
/// own signatures (as the reference page and kornia 0.9's source write them).
final class MethodRegistryTests: XCTestCase {
    func testEveryNameIsUniqueAndFound() throws {
        XCTAssertEqual(Set(Method.all.map(\.name)).count, Method.all.count)
        for method in Method.all { XCTAssertEqual(try Method.named(method.name).name, method.name) }
        XCTAssertThrowsError(try Method.named("conv_soft_argmax")) {
            XCTAssertTrue("\($0)".hasPrefix("methods: expected one of spatial_softmax2d, "), "\($0)")
        }
    }

    /// kornia: `conv_soft_argmax2d(input, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1),
    /// temperature=1.0, normalized_coordinates=True, eps=1e-8, output_value=False)`.
    func testDefaultsAreKornias() throws {
        let method = try Method.named("conv_soft_argmax2d")
        XCTAssertEqual(method.parameters.map(\.name),
                       ["input", "kernel_size", "stride", "padding", "temperature", "normalized_coordinates", "eps", "output_value"])
        XCTAssertEqual(method.parameters.map(\.defaultValue),
                       [nil, .integers([3, 3]), .integers([1, 1]), .integers([1, 1]), .real(1), .bool(true), .real(1e-8), .bool(false)])
        // kornia 0.7.4: `conv_quad_interp3d(input, strict_maxima_bonus=10.0, eps=1e-7)`; kornia 0.9:
        // `(input, n_iters=5, strict_maxima_bonus=None, max_subpixel_shift=0.6, precomputed_nms_mask=None,
        // dilation_radius=1, allow_scale_steps=True)`.
        let quad = try Method.named("conv_quad_interp3d")
        XCTAssertEqual(quad.parameters(in: .v0_7).map { $0.defaultValue(in: .v0_7) }, [nil, .real(10), .real(1e-7)])
        XCTAssertEqual(quad.parameters(in: .v0_9).map { $0.defaultValue(in: .v0_9) },
                       [nil, .int(5), ArgumentValue.none, .real(0.6), ArgumentValue.none, .int(1), .bool(true)])
    }

    func testArgumentsAreCheckedAgainstTheSchema() throws {
        let map = AnyTensor(try Tensor<Float>(shape: [1, 1, 5, 5], elements: (0..<25).map(Float.init)))
        XCTAssertThrowsError(try Method.nms2d.run(Method.Arguments(["input": .tensor(map)]))) {
            XCTAssertEqual("\($0)", "nms2d: missing required argument 'kernel_size'")
        }
        XCTAssertThrowsError(try Method.nms2d.run(Method.Arguments(["input": .tensor(map), "kernel_size": .integers([3])]))) {
            XCTAssertEqual("\($0)", "nms2d: expected kernel_size to be a tuple of 2 integers, got (3,)")
        }
        // Left out: output_value=False gives the coordinates alone, (1, 1, 2, 5, 5).
        let outputs = try Method.convSoftArgmax2d.run(Method.Arguments(["input": .tensor(map)]))
        guard case .tensor(let coords) = try XCTUnwrap(outputs.first) else { return XCTFail("expected a tensor") }
        XCTAssertEqual(outputs.count, 1)
        XCTAssertEqual(coords.shape, [1, 1, 2, 5, 5])
    }
}
