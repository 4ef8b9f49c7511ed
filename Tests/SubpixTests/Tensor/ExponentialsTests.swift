import Foundation
import XCTest
@testable import Subpix

final class ExponentialsTests: XCTestCase {
    /// The float polynomial against the C library's double-precision exp, over the
    /// whole range the softmaxes use (max-subtracted, so arguments are at most 0).
    func testFloatExponentialsStayWithinThreeTenMillionthsRelative() {
        let inputs: [Float] = stride(from: -87.0, through: 0.0, by: 0.001).map { Float($0) } + [-1e-7, -0.5, 0]
        var outputs = [Float](repeating: -1, count: inputs.count)
        inputs.withUnsafeBufferPointer { x in
            outputs.withUnsafeMutableBufferPointer { out in
                Float.exponentials(x.baseAddress!, count: x.count, scale: 1, offset: 0, into: out.baseAddress!)
            }
        }
        var worst = 0.0
        for (x, y) in zip(inputs, outputs) {
            let exact = Foundation.exp(Double(x))
            worst = max(worst, abs(Double(y) - exact) / exact)
        }
        XCTAssertLessThan(worst, 3e-7)
        XCTAssertEqual(outputs.last, 1)
    }

    func testUnderflowGivesZeroAndNaNStaysNaN() {
        let inputs: [Float] = [-88, -1000, -.infinity, .nan]
        var outputs = [Float](repeating: -1, count: 4)
        inputs.withUnsafeBufferPointer { x in
            outputs.withUnsafeMutableBufferPointer { out in
                Float.exponentials(x.baseAddress!, count: 4, scale: 1, offset: 0, into: out.baseAddress!)
            }
        }
        XCTAssertEqual(Array(outputs.prefix(3)), [0, 0, 0])
        XCTAssertTrue(outputs[3].isNaN)
    }

    func testScaleAndOffsetApplyBeforeTheExponential() {
        let inputs: [Double] = [1, 2, 3]
        var outputs = [Double](repeating: 0, count: 3)
        inputs.withUnsafeBufferPointer { x in
            outputs.withUnsafeMutableBufferPointer { out in
                Double.exponentials(x.baseAddress!, count: 3, scale: 2, offset: 6, into: out.baseAddress!)
            }
        }
        XCTAssertEqual(outputs, [exp(-4.0), exp(-2.0), 1])
    }
}
