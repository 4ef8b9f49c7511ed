import XCTest
@testable import Subpix

/// One window of conv_soft_argmax2d worked out cell by cell (what the viewer's
/// explain pane and cursor readout show) is the op's output at that window.
final class ConvSoftArgmaxWindowTests: XCTestCase {
    private func geometry(_ kernel: [Int], _ stride: [Int], _ padding: [Int]) throws -> WindowGeometry {
        try WindowGeometry(op: "conv_soft_argmax2d", axes: 2, kernel: kernel, stride: stride, padding: padding)
    }

    /// Every output window of a few maps, kernels (odd and even), strides, paddings and
    /// temperatures — 0.02 puts most windows of a map spanning ±3 far below its
    /// maximum, where `eps` pulls them to their centre (kornia #5020) — matches the op.
    func testEveryOutputWindowIsTheOpsOutput() throws {
        var random = SeededGenerator(seed: 22)
        let doubles = try Tensor<Double>(shape: [2, 1, 9, 11], elements: (0..<198).map { _ in Double.random(in: -3...3, using: &random) })
        let floats = try Tensor<Float>(shape: [2, 1, 9, 11], elements: doubles.elements.map(Float.init))
        var checked = 0
        for (kh, kw) in [(1, 1), (3, 3), (2, 4), (5, 3), (4, 1)] { for s in 1...2 { for (ph, pw) in [(0, 0), (kh / 2, kw / 2)] {
            for temperature in [1.0, 0.02] {
                let g = try geometry([kh, kw], [s, s + 1], [ph, pw])
                let (coords, values) = try convSoftArgmax2d(
                    doubles, kernelSize: g.kernel, stride: g.stride, padding: g.padding, temperature: temperature,
                    normalizedCoordinates: false, outputValue: true)
                let (coords32, values32) = try convSoftArgmax2d(
                    floats, kernelSize: g.kernel, stride: g.stride, padding: g.padding, temperature: temperature,
                    normalizedCoordinates: false, outputValue: true)
                let (rows, columns) = (g.axis(0, length: 9), g.axis(1, length: 11))
                for plane in 0..<2 { for oy in 0..<rows.outputs { for ox in 0..<columns.outputs {
                    let origin = [rows.start(oy), columns.start(ox)]
                    let window = try ConvSoftArgmaxWindow(doubles, plane: plane, origin: origin, geometry: g, temperature: temperature)
                    let window32 = try ConvSoftArgmaxWindow(floats, plane: plane, origin: origin, geometry: g, temperature: temperature)
                    let at = "k (\(kh), \(kw)) s \(s) p (\(ph), \(pw)) T \(temperature) plane \(plane) output (\(oy), \(ox))"
                    for axis in 0..<2 {
                        XCTAssertEqual(window.coordinate[axis], coords[plane, 0, axis, oy, ox], accuracy: 1e-9, at)
                        XCTAssertEqual(window32.coordinate[axis], Double(coords32[plane, 0, axis, oy, ox]), accuracy: 1e-4, at)
                        XCTAssertEqual(window.coordinate[axis], window.centre[axis] + window.meanOffset[axis], accuracy: 1e-12, at)
                    }
                    XCTAssertEqual(window.value, try XCTUnwrap(values)[plane, 0, oy, ox], accuracy: 1e-9, at)
                    XCTAssertEqual(window32.value, Double(try XCTUnwrap(values32)[plane, 0, oy, ox]), accuracy: 1e-4, at)
                    checked += 1
                } } }
            }
        } } }
        XCTAssertGreaterThan(checked, 1000)
    }

    /// A flat 3×3 map, 3×3 window with padding 1 at output (0, 0): four cells inside,
    /// each e = 1 and p = 1/4 (to eps); the centre is pixel (0, 0) and the inside cells
    /// sit at offsets 0 and +1 on each axis, so the coordinate is (0.5, 0.5).
    func testAFlatCornerWindowByHand() throws {
        let map = Tensor<Double>(shape: [1, 1, 3, 3], repeating: 2)
        let window = try ConvSoftArgmaxWindow(map, plane: 0, origin: [-1, -1], geometry: geometry([3, 3], [1, 1], [1, 1]))
        XCTAssertEqual(window.values, [[nil, nil, nil], [nil, 2, 2], [nil, 2, 2]])
        XCTAssertEqual(window.exponentials, [[nil, nil, nil], [nil, 1, 1], [nil, 1, 1]])
        for weight in window.weights.joined().compactMap({ $0 }) { XCTAssertEqual(weight, 0.25, accuracy: 1e-8) }
        XCTAssertEqual(window.centre, [0, 0])
        XCTAssertEqual(window.meanOffset[0], 0.5, accuracy: 1e-8)
        XCTAssertEqual(window.coordinate[1], 0.5, accuracy: 1e-8)
        XCTAssertEqual(window.value, 2, accuracy: 1e-7)
    }

    /// A 1×2 window over a 1×3 row with padding (0, 1): kornia 0.7.4 averages the two
    /// centre cells over a zero-padded grid, so output 0 (cells −1 and 0) is centred at
    /// x = (0 + 0) / 2 = 0 and output 1 (cells 0 and 1) at 0.5; equal values put half the
    /// weight at each offset −1, +1 when both cells are inside.
    func testAnEvenWindowsCentreCountsItsPaddedCellAsZero() throws {
        let map = Tensor<Double>(shape: [1, 1, 1, 3], repeating: 0)
        let g = try geometry([1, 2], [1, 1], [0, 1])
        let first = try ConvSoftArgmaxWindow(map, plane: 0, origin: [0, -1], geometry: g, version: .v0_7)
        XCTAssertEqual(first.centre, [0, 0])
        XCTAssertEqual(first.meanOffset[0], 1, accuracy: 1e-8)   // all weight on cell 0, offset +1
        let second = try ConvSoftArgmaxWindow(map, plane: 0, origin: [0, 0], geometry: g, version: .v0_7)
        XCTAssertEqual(second.centre, [0.5, 0])
        XCTAssertEqual(second.coordinate[0], 0.5, accuracy: 1e-8)
    }

    /// The same windows in kornia 0.9: the grid continues into the padding, so output 0
    /// (cells −1 and 0) is centred at −0.5, and its one cell inside, 0, sits at offset
    /// +0.5: it reads 0. Output 1 is centred at 0.5 with offsets ∓0.5.
    func testAnEvenWindowsCentreContinuesIntoThePaddingIn09() throws {
        let map = Tensor<Double>(shape: [1, 1, 1, 3], repeating: 0)
        let g = try geometry([1, 2], [1, 1], [0, 1])
        let first = try ConvSoftArgmaxWindow(map, plane: 0, origin: [0, -1], geometry: g, version: .v0_9)
        XCTAssertEqual(first.centre, [-0.5, 0])
        XCTAssertEqual(first.meanOffset[0], 0.5, accuracy: 1e-12)
        XCTAssertEqual(first.coordinate[0], 0, accuracy: 1e-12)
        let second = try ConvSoftArgmaxWindow(map, plane: 0, origin: [0, 0], geometry: g, version: .v0_9)
        XCTAssertEqual(second.centre, [0.5, 0])
        XCTAssertEqual(second.coordinate[0], 0.5, accuracy: 1e-12)
    }

    func testRefusesWhatItCannotExplain() throws {
        let map = Tensor<Double>(shape: [2, 1, 4, 4], repeating: 0)
        XCTAssertThrowsError(try ConvSoftArgmaxWindow(map, plane: 2, origin: [0, 0], geometry: geometry([3, 3], [1, 1], [1, 1]))) {
            XCTAssertEqual("\($0)", "conv_soft_argmax2d: expected map 2 of a tensor of non-empty (H, W) maps, got shape (2, 1, 4, 4)")
        }
        let volume = try WindowGeometry(op: "conv_soft_argmax3d", axes: 3, kernel: [3, 3, 3], stride: [1, 1, 1], padding: [1, 1, 1])
        XCTAssertThrowsError(try ConvSoftArgmaxWindow(map, plane: 0, origin: [0, 0], geometry: volume)) {
            XCTAssertEqual("\($0)", "conv_soft_argmax3d: expected a 2D window, got kernel_size (3, 3, 3) and origin (0, 0)")
        }
        XCTAssertThrowsError(try ConvSoftArgmaxWindow(map, plane: 0, origin: [0, 0], geometry: geometry([3, 3], [1, 1], [1, 1]), temperature: 0))
    }
}
