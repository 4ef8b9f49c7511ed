import XCTest
@testable import Subpix

/// Hand-built maps whose maxima are read off by eye; each test names the rule it pins.
final class NMSTests: XCTestCase {
    private func map(_ rows: [[Float]]) throws -> Tensor<Float> {
        try Tensor(shape: [1, 1, rows.count, rows[0].count], elements: rows.flatMap { $0 })
    }

    private func kept(_ mask: Mask) -> [[Int]] {
        let (h, w) = (mask.shape[mask.rank - 2], mask.shape[mask.rank - 1])
        return (0..<mask.count).filter { mask.elements[$0] }.map { [($0 / w) % h, $0 % w] }
    }

    func testSinglePeakKeepsItsValueAndZeroesTheRest() throws {
        let x = try map([[1, 1, 1, 1],
                         [1, 4, 2, 1],
                         [1, 2, 3, 1],
                         [1, 1, 1, 1]])
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [3, 3])), [[1, 1]])
        XCTAssertEqual(try nms2d(x, kernelSize: [3, 3]).elements,
                       [0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    func testPlateauIsNotAStrictMaximum() throws {
        let x = try map([[0, 0, 0, 0],
                         [0, 5, 5, 0],
                         [0, 0, 0, 0]])
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [3, 3])), [])
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [1, 1])).count, 12, "a 1x1 window keeps everything")
    }

    func testNegativeMaximumIsInTheMaskAndKeepsItsValue() throws {
        let x = try map([[-5, -5, -5],
                         [-5, -1, -5],
                         [-5, -5, -5]])
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [3, 3])), [[1, 1]])
        XCTAssertEqual(try nms2d(x, kernelSize: [3, 3])[0, 0, 1, 1], -1)
        XCTAssertEqual(try nms2d(x, kernelSize: [3, 3])[0, 0, 0, 0], 0)
    }

    func testPositionsWhoseWindowLeavesTheMapAreNeverMaxima() throws {
        // The global maximum 9 sits one pixel from the edge: a 5x5 window does not fit there.
        let x = try map([[0, 0, 0, 0, 0, 0],
                         [0, 9, 0, 0, 0, 0],
                         [0, 0, 7, 0, 0, 0],
                         [0, 0, 0, 0, 0, 0],
                         [0, 0, 0, 0, 0, 0],
                         [0, 0, 0, 0, 0, 0]])
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [3, 3])), [[1, 1]])
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [5, 5])), [])
        // Rows only: a (5, 1) window needs rows 2...3; 7 at (2, 2) qualifies, 9 does not.
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [5, 1])), [[2, 2]])
    }

    func testEvenWindowReachesOneFurtherForward() throws {
        // k = 2: the window of p is p and the positions after it; the last row and column are never maxima.
        let x = try map([[3, 1, 0],
                         [1, 2, 0],
                         [0, 0, 8]])
        // (0,0)=3 beats 1, 1, 2; (1,1)=2 loses to 8; (2,2) is on the last row and column.
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [2, 2])), [[0, 0]])
        // k = 4: before 1, after 2, so only (1, 1) of a 4x4 map fits; it must beat the 15 others.
        let y = try map([[1, 1, 1, 1],
                         [1, 6, 1, 1],
                         [1, 1, 1, 1],
                         [1, 1, 1, 5]])
        XCTAssertEqual(kept(try nms2dMask(y, kernelSize: [4, 4])), [[1, 1]])
    }

    func testNonSquareWindowUsesHeightThenWidth() throws {
        let x = try map([[0, 0, 0, 0, 0],
                         [0, 0, 4, 0, 9],
                         [0, 0, 0, 0, 0]])
        // (3, 5): 4 at (1, 2) sees the 9 two columns away.
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [3, 5])), [])
        // (3, 3): it does not.
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [3, 3])), [[1, 2]])
    }

    func testNaNInAWindowSuppressesItsCentre() throws {
        let x = try map([[0, 0, 0, 0, 0],
                         [0, 5, 0, 6, 0],
                         [0, 0, 0, 0, .nan]])
        // 6 at (1, 3) has the NaN in its window; 5 at (1, 1) does not.
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [3, 3])), [[1, 1]])
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [1, 1])).count, 15, "a 1x1 window keeps NaN too")
    }

    func testStrictMaximumIn3DNeedsEveryPlane() throws {
        var x = try Tensor<Double>(shape: [1, 1, 3, 3, 3], elements: Array(repeating: 0, count: 27))
        x[0, 0, 1, 1, 1] = 2
        XCTAssertEqual(try nms3dMask(x, kernelSize: [3, 3, 3]).elements.filter { $0 }.count, 1)
        x[0, 0, 0, 2, 2] = 2   // a tie in the corner of the window
        XCTAssertEqual(try nms3dMask(x, kernelSize: [3, 3, 3]).elements.filter { $0 }.count, 0)
        // A (1, 3, 3) window ignores other planes: plane 1's centre is kept again.
        XCTAssertTrue(try nms3dMask(x, kernelSize: [1, 3, 3])[0, 0, 1, 1, 1])
        XCTAssertEqual(try nms3d(x, kernelSize: [1, 3, 3])[0, 0, 1, 1, 1], 2)
    }

    func testWindowsLargerThanTheMapFindNothing() throws {
        let x = try map([[0, 1, 0], [1, 9, 1], [0, 1, 0]])
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [5, 5])), [])
        XCTAssertEqual(kept(try nms2dMask(x, kernelSize: [.max, 3])), [])
        XCTAssertEqual(try nms3d(try x.reshaped([1, 1, 1, 3, 3]), kernelSize: [.max, .max, .max]).elements, Array(repeating: 0, count: 9))
    }

    func testModulesMatchTheFunctions() throws {
        let x = try map([[0, 0, 0], [0, 1, 0], [0, 0, 0]])
        let nms = try NonMaximaSuppression2d(kernelSize: [3, 3])
        XCTAssertEqual(try nms(x), try nms2d(x, kernelSize: [3, 3]))
        XCTAssertEqual(try nms.mask(x), try nms2dMask(x, kernelSize: [3, 3]))
        let volume = try x.reshaped([1, 1, 1, 3, 3])
        let nms3 = try NonMaximaSuppression3d(kernelSize: [1, 3, 3])
        XCTAssertEqual(try nms3.mask(volume).elements, try nms.mask(x).elements)
        XCTAssertEqual(try nms3(volume).elements, try nms(x).elements)
    }

    func testKornia074RuleReplicatesTheBorderAndNeedsPositiveValues() throws {
        // (1, 3, 3) on one plane: replicate padding suppresses the outermost ring, the window is
        // clipped elsewhere, and the zeroed centre tap makes 0 the floor.
        let x = try Tensor<Float>(shape: [1, 1, 1, 4, 5], elements: [
            9, 0, 0, 0, 0,
            0, 3, 0, 0, 0,
            0, 0, 0, -1, -2,
            0, 0, 0, -2, -3,
        ])
        let legacy = try nms3dKornia074(x, kernelSize: [1, 3, 3], op: "conv_soft_argmax3d")
        // 9 is on the border; 3 at (1, 1) loses to 9 in its window; -1 at (2, 3) is not above 0.
        XCTAssertEqual(legacy.elements.filter { $0 != 0 }, [])
        let y = try Tensor<Float>(shape: [1, 1, 1, 4, 5], elements: [
            0, 0, 0, 0, 0,
            0, 3, 0, 0, 0,
            0, 0, 0, 2, 0,
            0, 0, 0, 0, 0,
        ])
        XCTAssertEqual(try nms3dKornia074(y, kernelSize: [1, 3, 3], op: "op").elements.filter { $0 != 0 }, [3, 2])
        // Unlike kornia 0.9, which needs the whole 5-wide window inside: no column of 5 fits both.
        XCTAssertEqual(try nms3dKornia074(y, kernelSize: [1, 3, 5], op: "op").elements.filter { $0 != 0 }, [3])
        XCTAssertEqual(try nms3dMask(y, kernelSize: [1, 3, 5]).elements.filter { $0 }.count, 0)
        // A window wider than the map is clipped to it: 2 loses to 3 in any row window.
        XCTAssertEqual(try nms3dKornia074(y, kernelSize: [1, 3, .max], op: "op").elements.filter { $0 != 0 }, [3])
        XCTAssertThrowsError(try nms3dKornia074(y, kernelSize: [1, 2, 3], op: "conv_soft_argmax3d")) { error in
            XCTAssertEqual((error as? SubpixError)?.op, "conv_soft_argmax3d")
        }
    }

    func testBadInputsThrowOneLineErrors() throws {
        let x2 = try map([[0, 1], [2, 3]])
        let x3 = try x2.reshaped([1, 1, 1, 2, 2])
        let cases: [(String, () throws -> Any)] = [
            ("nms2d: expected input of shape (B, C, H, W), got (1, 1, 1, 2, 2)", { try nms2d(x3, kernelSize: [3, 3]) }),
            ("nms2d: expected kernel_size with 2 values, got (3,)", { try nms2dMask(x2, kernelSize: [3]) }),
            ("nms2d: expected kernel_size > 0 on every axis, got (0, 3)", { try nms2d(x2, kernelSize: [0, 3]) }),
            ("nms2d: expected kernel_size > 0 on every axis, got (3, -1)", { try nms2dMask(x2, kernelSize: [3, -1]) }),
            ("nms3d: expected input of shape (B, C, D, H, W), got (1, 1, 2, 2)", { try nms3d(x2, kernelSize: [3, 3, 3]) }),
            ("nms3d: expected kernel_size with 3 values, got (3, 3)", { try nms3dMask(x3, kernelSize: [3, 3]) }),
            ("nms3d: expected kernel_size > 0 on every axis, got (3, 0, 3)", { try nms3d(x3, kernelSize: [3, 0, 3]) }),
            ("nms3d: expected a non-empty input of shape (B, C, D, H, W), got (1, 0, 1, 2, 2)", {
                try nms3dMask(Tensor<Float>(shape: [1, 0, 1, 2, 2], elements: []), kernelSize: [3, 3, 3])
            }),
            ("NonMaximaSuppression2d: expected kernel_size with 2 values, got (3, 3, 3)", { try NonMaximaSuppression2d(kernelSize: [3, 3, 3]) }),
            ("NonMaximaSuppression3d: expected kernel_size > 0 on every axis, got (1, 1, 0)", { try NonMaximaSuppression3d(kernelSize: [1, 1, 0]) }),
        ]
        for (message, call) in cases {
            XCTAssertThrowsError(try call(), message) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
    }
}
