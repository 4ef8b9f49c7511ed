import XCTest
@testable import Subpix

extension XCTestCase {
    /// A seeded `(1, 1, h, w)` map for comparing a banded keypoint search with the dense
    /// path: noise, or small integers (plateaus and tied values), with a NaN or not.
    func seededMap(_ h: Int, _ w: Int, seed: UInt64, levels: Int?, nan: Bool) -> Tensor<Float> {
        var generator = SeededGenerator(seed: seed)
        func next() -> Double { generator.nextUnitInterval() }
        var elements = (0..<(h * w)).map { _ -> Float in
            levels.map { Float(Int(next() * Double($0))) } ?? Float(next() * 2 - 0.5)
        }
        if nan { elements[(h / 2) * w + w / 3] = .nan }
        return try! Tensor(shape: [1, 1, h, w], elements: elements)
    }
}
