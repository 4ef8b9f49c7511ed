import XCTest
@testable import Subpix

/// The float32 strict-maxima kernel behind `nms2d` / `nms3d` against the Swift
/// implementation (``StrictMaxima`` with `swiftOnly`), bit for bit, on every kernel
/// path: widths with and without a tail of fewer than eight columns, odd and even
/// windows, ties, NaN, infinities and signed zeros, and maps large enough to be cut
/// into row blocks.
final class StrictMaximaKernelTests: XCTestCase {
    private let kernels2d: [[Int]] = [[3, 3], [1, 3], [3, 1], [2, 2], [5, 5], [4, 7], [1, 2], [9, 4]]
    private let kernels3d: [[Int]] = [[3, 3, 3], [1, 3, 3], [2, 2, 2], [3, 4, 5], [5, 1, 1], [1, 1, 6], [4, 7, 2]]

    func testNMS2dMatchesTheSwiftImplementationOnEveryPath() throws {
        var random = SeededGenerator(seed: 21)
        for (height, width) in [(3, 3), (9, 7), (16, 33), (5, 8), (30, 13), (11, 64)] {
            let input = try Tensor<Float>(shape: [2, 3, height, width], elements: awkwardValues(2 * 3 * height * width, &random))
            for kernel in kernels2d where kernel[0] <= height + 1 && kernel[1] <= width + 1 {
                try assertKernelMatchesSwift(input, kernel: (1, kernel[0], kernel[1]), "\(height)x\(width) k=\(kernel)")
            }
        }
    }

    func testNMS3dMatchesTheSwiftImplementationOnEveryPath() throws {
        var random = SeededGenerator(seed: 22)
        for (depth, height, width) in [(3, 3, 3), (4, 11, 19), (6, 9, 8), (1, 5, 5)] {
            let input = try Tensor<Float>(
                shape: [2, 2, depth, height, width], elements: awkwardValues(4 * depth * height * width, &random))
            for kernel in kernels3d {
                try assertKernelMatchesSwift(input, kernel: (kernel[0], kernel[1], kernel[2]), "\(depth)x\(height)x\(width) k=\(kernel)")
            }
        }
    }

    func testLargeMapsCutIntoRowBlocksMatch() throws {
        var random = SeededGenerator(seed: 23)
        let map = try Tensor<Float>(shape: [1, 1, 203, 157], elements: awkwardValues(203 * 157, &random))
        try assertKernelMatchesSwift(map, kernel: (1, 3, 3), "203x157")
        try assertKernelMatchesSwift(map, kernel: (1, 4, 5), "203x157")
        let volume = try Tensor<Float>(shape: [1, 1, 5, 130, 70], elements: awkwardValues(5 * 130 * 70, &random))
        try assertKernelMatchesSwift(volume, kernel: (3, 3, 3), "5x130x70")
    }

    /// Hand-checked: a NaN suppresses every centre whose window holds it, and a
    /// maximum whose window does not hold it survives.
    func testNaNSuppressesTheCentresWhoseWindowHoldsIt() throws {
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                var elements = [Float](repeating: 0, count: 5 * 12)
                elements[2 * 12 + 2] = 5      // a maximum at (2, 2) with a NaN at (1, 3) in its window
                elements[1 * 12 + 3] = .nan
                elements[2 * 12 + 8] = 7      // a maximum at (2, 8), far from the NaN
                let x = try Tensor<Float>(shape: [1, 1, 5, 12], elements: elements)
                let kept = try nms2d(x, kernelSize: [3, 3]).elements
                XCTAssertEqual(kept.indices.filter { kept[$0] != 0 }, [2 * 12 + 8], "\(path)")
                XCTAssertEqual(kept[2 * 12 + 8], 7, "\(path)")
            }
        }
    }

    /// A window as tall as a 70 000-row map: one centre fits, and it is kept where it is
    /// the only nonzero value (the kernel's per-window bookkeeping lives on the heap, so
    /// a window of any size leaves the thread's stack alone).
    func testAWindowAsLargeAsTheMap() throws {
        let (height, width) = (70_000, 3)
        var elements = [Float](repeating: 0, count: height * width)
        let centre = ((height - 1) / 2) * width + 1
        elements[centre] = 1
        let x = try Tensor<Float>(shape: [1, 1, height, width], elements: elements)
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                let mask = try nms2dMask(x, kernelSize: [height, width]).elements
                XCTAssertEqual(mask.indices.filter { mask[$0] }, [centre], "\(path)")
            }
        }
    }

    /// Small integers (so plateaus and ties are common), with NaN, ±∞ and −0 among them.
    private func awkwardValues(_ count: Int, _ random: inout SeededGenerator) -> [Float] {
        (0..<count).map { _ in
            switch random.next() % 97 {
            case 0: .nan
            case 1: .infinity
            case 2: -.infinity
            case 3: -0.0
            default: Float(Int(random.next() % 9) - 4)
            }
        }
    }

    private func assertKernelMatchesSwift(
        _ input: Tensor<Float>, kernel: (depth: Int, height: Int, width: Int), _ label: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let volumetric = input.shape.count == 5
        let size = volumetric ? [kernel.depth, kernel.height, kernel.width] : [kernel.height, kernel.width]
        let (wantMask, wantValues) = swiftReference(input, kernel: kernel)
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                let mask = try volumetric ? nms3dMask(input, kernelSize: size) : nms2dMask(input, kernelSize: size)
                let values = try volumetric ? nms3d(input, kernelSize: size) : nms2d(input, kernelSize: size)
                XCTAssertEqual(mask.elements, wantMask, "\(path) \(label): mask", file: file, line: line)
                XCTAssertEqual(values.elements.map(\.bitPattern), wantValues.map(\.bitPattern), "\(path) \(label): values", file: file, line: line)
            }
        }
    }

    private func swiftReference(_ input: Tensor<Float>, kernel: (depth: Int, height: Int, width: Int)) -> ([Bool], [Float]) {
        let shape = input.shape
        let (depth, height, width) = shape.count == 5 ? (shape[2], shape[3], shape[4]) : (1, shape[2], shape[3])
        let reference = StrictMaxima(kernel: kernel, rule: .interior, swiftOnly: true)
        var mask = [Bool](repeating: true, count: input.count)
        var values = [Float](repeating: .nan, count: input.count)
        input.withUnsafeBufferPointer { x in
            mask.withUnsafeMutableBufferPointer { mask in
                reference.run(x.baseAddress!, maps: shape[0] * shape[1], depth: depth, height: height, width: width, output: .mask(mask.baseAddress!))
            }
            values.withUnsafeMutableBufferPointer { values in
                reference.run(x.baseAddress!, maps: shape[0] * shape[1], depth: depth, height: height, width: width, output: .values(values.baseAddress!))
            }
        }
        return (mask, values)
    }
}
