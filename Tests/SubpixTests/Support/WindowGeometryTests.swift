import XCTest
@testable import Subpix

/// The window geometry every windowed op, the explain pane and the cursor readout
/// share, against values worked out by hand (written next to each case).
final class WindowGeometryTests: XCTestCase {
    private func geometry(_ kernel: [Int], _ stride: [Int], _ padding: [Int]) throws -> WindowGeometry {
        try WindowGeometry(op: "conv_soft_argmax2d", axes: kernel.count, kernel: kernel, stride: stride, padding: padding)
    }

    /// out = ⌊(in + 2p − (k − 1) − 1) / s⌋ + 1, and 0 when the padded input is shorter than the kernel.
    func testOutputSizes() throws {
        let cases: [(input: Int, k: Int, s: Int, p: Int, out: Int)] = [
            (50, 3, 2, 1, 25),   // ⌊(50 + 2 − 2 − 1) / 2⌋ + 1 = ⌊49 / 2⌋ + 1
            (32, 3, 2, 1, 16),   // ⌊31 / 2⌋ + 1
            (5, 5, 1, 0, 1),     // (5 − 4 − 1) / 1 + 1: one window that fills the input
            (4, 5, 1, 2, 4),     // (4 + 4 − 4 − 1) / 1 + 1
            (7, 4, 3, 2, 3),     // ⌊(7 + 4 − 3 − 1) / 3⌋ + 1 = ⌊7 / 3⌋ + 1
            (10, 2, 1, 1, 11),   // an even kernel with padding k/2 gives one output more than the input
            (1, 1, 1, 0, 1),
            (4, 5, 1, 0, 0),     // 4 − 4 − 1 = −1 < 0: no window fits
        ]
        for c in cases {
            let g = try geometry([c.k], [c.s], [c.p])
            XCTAssertEqual(g.outputLength(c.input, axis: 0), c.out, "\(c)")
            XCTAssertEqual(g.axis(0, length: c.input).outputs, c.out, "\(c)")
        }
        XCTAssertEqual(try geometry([3, 3], [2, 2], [1, 1]).outputSize(for: [50, 32]), [25, 16])
        XCTAssertThrowsError(try geometry([5, 3], [1, 1], [0, 1]).outputSize(for: [4, 8])) {
            XCTAssertEqual("\($0)", "conv_soft_argmax2d: expected a non-empty output, got (0, 8) for input (4, 8) with kernel (5, 3), stride (1, 1), padding (0, 1)")
        }
    }

    /// kornia 0.7.4's `linspace(−1, 1, k)`: 2t/(k − 1) − 1, and 0 for a one-cell window.
    func testCellOffsets() throws {
        let expected: [Int: [Double]] = [
            1: [0],                       // the only cell is the centre (kornia: −1 in 2D, NaN in 3D)
            2: [-1, 1],                   // 2·0/1 − 1, 2·1/1 − 1
            3: [-1, 0, 1],
            5: [-1, -0.5, 0, 0.5, 1],     // 2t/4 − 1
        ]
        for (k, offsets) in expected {
            XCTAssertEqual(WindowOffsets.linspace.offsets(kernel: k), offsets, "k = \(k)")
            let axis = try geometry([k], [1], [0]).axis(0, length: 9)
            XCTAssertEqual(axis.cellOffsets, offsets, "k = \(k)")
            XCTAssertEqual((0..<k).map { axis.offsetScale * Double($0) - axis.offsetShift }, offsets, "the kernels' scale and shift, k = \(k)")
        }
        let four = WindowOffsets.linspace.offsets(kernel: 4)   // −1, −1/3, 1/3, 1: not whole pixels
        for (offset, third) in zip(four, [-3.0, -1, 1, 3]) { XCTAssertEqual(offset, third / 3, accuracy: 1e-15) }
        XCTAssertTrue(WindowOffsets.linspace.scaleAndShift(kernel: 5) == (0.5, 1))
        XCTAssertEqual(WindowOffsets.linspace.formula, "2t/(k−1) − 1")
    }

    /// Padding may be at most half the kernel (k // 2); more is refused with the axis named.
    func testPaddingRule() throws {
        XCTAssertEqual([1, 2, 3, 4, 5].map(WindowAxis.largestPadding(kernel:)), [0, 1, 1, 2, 2])
        XCTAssertNoThrow(try geometry([3, 4], [1, 1], [1, 2]))
        XCTAssertThrowsError(try geometry([3, 4], [1, 1], [1, 3])) {
            XCTAssertEqual("\($0)", "conv_soft_argmax2d: expected padding at most half the kernel (2 for kernel 4), got 3 on axis 1")
        }
        XCTAssertThrowsError(try geometry([1, 3], [1, 1], [1, 0])) {
            XCTAssertEqual("\($0)", "conv_soft_argmax2d: expected padding at most half the kernel (0 for kernel 1), got 1 on axis 0")
        }
        let map = Tensor<Float>(shape: [1, 1, 8, 8], repeating: 0)
        XCTAssertThrowsError(try convSoftArgmax2d(map, kernelSize: [5, 5], padding: [3, 3], version: .v0_7)) {
            XCTAssertEqual("\($0)", "conv_soft_argmax2d: expected padding at most half the kernel (2 for kernel 5), got 3 on axis 0")
        }
        XCTAssertThrowsError(try convSoftArgmax2d(map, kernelSize: [5, 5], padding: [3, 3], version: .v0_9)) {
            XCTAssertEqual("\($0)", "conv_soft_argmax2d: padding must be non-negative and at most half of kernel_size, got (3, 3) for kernel_size (5, 5)")
        }
    }

    /// Output o's window starts at o·s − p; the window centred on a cell has its
    /// (first) centre cell there, and is an output only where the stride lands.
    func testWindowStartsAndTheWindowCentredOnACell() throws {
        let width = try geometry([3], [2], [1]).axis(0, length: 32)   // 16 outputs, starts −1, 1, 3, …
        XCTAssertEqual([0, 1, 5, 15].map { width.start($0) }, [-1, 1, 9, 29])
        XCTAssertEqual(width.start(centredOn: 10), 9)
        XCTAssertEqual([0, 1, 2, 10, 30, 31, 32].map(width.output(centredOn:)), [0, nil, 1, 5, 15, nil, nil])
        let even = try geometry([4], [1], [2]).axis(0, length: 6)      // 7 outputs, starts −2 … 4; centre taps 1, 2
        XCTAssertEqual(even.outputs, 7)
        XCTAssertEqual(even.start(centredOn: 0), -1)
        XCTAssertEqual([-2, -1, 0, 5, 6].map(even.output(centredOn:)), [nil, 0, 1, 6, nil])
        let five = try geometry([5], [1], [0]).axis(0, length: 6)      // 2 outputs, centred on cells 2 and 3
        XCTAssertEqual([1, 2, 3, 4].map(five.output(centredOn:)), [nil, 0, 1, nil])
    }

    /// The taps of each output that land inside the input, and the outputs each tap
    /// lands inside for, are those a cell-by-cell walk finds.
    func testTapsInsideTheInputMatchACellByCellWalk() throws {
        for length in [1, 4, 7] { for k in 1...6 { for s in 1...3 { for p in 0...(k / 2) {
            let axis = try geometry([k], [s], [p]).axis(0, length: length)
            func inside(_ o: Int, _ t: Int) -> Bool { (0..<length).contains(o * s - p + t) }
            for o in 0..<axis.outputs {
                XCTAssertEqual(Array(axis.taps(o)), (0..<k).filter { inside(o, $0) }, "length \(length) k \(k) s \(s) p \(p) o \(o)")
            }
            for t in 0..<k {
                XCTAssertEqual(Array(axis.outputs(placingInside: t)), (0..<axis.outputs).filter { inside($0, t) },
                               "length \(length) k \(k) s \(s) p \(p) tap \(t)")
            }
        } } } }
    }

    /// kornia 0.7.4's centre cells: the middle one for an odd kernel, the middle two
    /// for an even one; a centre cell on the padding is not counted in.
    func testCentreCells() throws {
        let even = try geometry([2], [1], [1]).axis(0, length: 5)      // windows start at −1, 0, …, 4
        XCTAssertEqual(even.centreTaps, 0..<2)
        XCTAssertTrue(even.centre(0) == (0, 1))     // cells −1 (padding) and 0
        XCTAssertTrue(even.centre(1) == (1, 2))     // cells 0 and 1
        XCTAssertTrue(even.centre(5) == (4, 1))     // cells 4 and 5 (padding)
        let odd = try geometry([5], [1], [2]).axis(0, length: 5)
        XCTAssertEqual(odd.centreTaps, 2..<3)
        XCTAssertTrue(odd.centre(0) == (0, 1))
    }
}
