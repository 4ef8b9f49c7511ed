import XCTest
@testable import Subpix

/// The separable, blocked, parallel suppression against the definition, checked
/// position by position on random volumes large enough to take the parallel path.
final class NMSBruteForceTests: XCTestCase {
    /// `x[p] > x[q]` for every other `q` of the window, all inside the volume (kornia 0.9).
    private func definition(_ x: Tensor<Float>, kernel k: [Int]) -> [Bool] {
        let (d, h, w) = (x.shape[2], x.shape[3], x.shape[4])
        let before = k.map { ($0 - 1) / 2 }
        let after = k.map { $0 / 2 }
        var out: [Bool] = []
        for map in 0..<(x.shape[0] * x.shape[1]) {
            for z in 0..<d { for y in 0..<h { for c in 0..<w {
                let at = { (z: Int, y: Int, c: Int) in x.elements[((map * d + z) * h + y) * w + c] }
                guard z >= before[0], z + after[0] < d, y >= before[1], y + after[1] < h,
                      c >= before[2], c + after[2] < w else { out.append(false); continue }
                var keep = true
                for dz in -before[0]...after[0] { for dy in -before[1]...after[1] { for dc in -before[2]...after[2]
                where dz != 0 || dy != 0 || dc != 0 {
                    keep = keep && at(z, y, c) > at(z + dz, y + dy, c + dc)
                } } }
                out.append(k == [1, 1, 1] || keep)
            } } }
        }
        return out
    }

    func testMatchesTheDefinitionOnRandomVolumes() throws {
        var generator = SeededGenerator(seed: 7)
        // Quantised values make ties (plateaus) common; a few NaNs sit among them.
        let elements: [Float] = (0..<(2 * 3 * 6 * 70 * 41)).map { index in
            index % 997 == 0 ? .nan : Float(generator.next() % 8)
        }
        let x = try Tensor<Float>(shape: [2, 3, 6, 70, 41], elements: elements)
        for kernel in [[3, 3, 3], [1, 3, 3], [2, 2, 2], [3, 4, 5], [1, 1, 6], [5, 1, 1], [1, 1, 1], [4, 7, 2]] {
            XCTAssertEqual(try nms3dMask(x, kernelSize: kernel).elements, definition(x, kernel: kernel), "kernel \(kernel)")
        }
        // One large map: the parallel path cuts it into row blocks.
        let big = try Tensor<Float>(shape: [1, 1, 3, 300, 250], elements: (0..<(3 * 300 * 250)).map { _ in
            Float(generator.next() % 16)
        })
        for kernel in [[3, 3, 3], [2, 5, 3]] {
            XCTAssertEqual(try nms3dMask(big, kernelSize: kernel).elements, definition(big, kernel: kernel), "kernel \(kernel)")
        }
    }
}
