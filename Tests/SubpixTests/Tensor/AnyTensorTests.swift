import XCTest
import Subpix

final class AnyTensorTests: XCTestCase {
    /// Wrapping a tensor and reading it back in its own dtype shares its storage:
    /// the keypoint methods wrap the viewer's map (64 MB at 4096² in float32,
    /// twice that in float64) on every computation.
    func testWrappingKeepsTheStorageInBothDtypes() throws {
        let doubles = try Tensor<Double>(shape: [1, 1, 2, 3], elements: [1, 2, 3, 4, 5, 6])
        let floats = doubles.map { Float($0) }
        let (backDoubles, backFloats): (Tensor<Double>, Tensor<Float>) = (AnyTensor(doubles).tensor(), AnyTensor(floats).tensor())
        doubles.elements.withUnsafeBufferPointer { original in
            backDoubles.elements.withUnsafeBufferPointer { XCTAssertEqual($0.baseAddress, original.baseAddress) }
        }
        floats.elements.withUnsafeBufferPointer { original in
            backFloats.elements.withUnsafeBufferPointer { XCTAssertEqual($0.baseAddress, original.baseAddress) }
        }
        XCTAssertEqual(AnyTensor(doubles).dtype, .float64)
    }
}
