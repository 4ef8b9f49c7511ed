import XCTest
@testable import SubpixLanguage
@testable import SubpixSession

/// NumPy's broadcasting, masks, reductions and tensor attributes; each expected value is
/// what NumPy gives for the same expression (worked by hand next to it).
final class PythonTensorTests: ScriptTestCase {
    override func setUpWithError() throws {
        // x = [[0, 1, 2], [3, 4, 5]] as float32.
        try value("x = zeros((2, 3))\nfor i in range(2):\n    for j in range(3):\n        x[i, j] = 3 * i + j")
    }

    /// float32 results print as NumPy's `tolist()` prints them: the float32 value as a Python float
    /// (float32(4 / 5) is 0.800000011920929).
    func testBroadcastingEveryOperator() throws {
        XCTAssertEqual(try output("""
            print((x + x[0]).tolist(), (x * x[:, 0:1]).tolist(), (x - x.mean(axis=1, keepdims=True)).tolist())
            print((x[0] ** 2 / (x[:, 1:2] + 1)).tolist(), (x % 2 == 0).tolist(), (x[None] // 2).shape)
            """), """
            [[0.0, 2.0, 4.0], [3.0, 5.0, 7.0]] [[0.0, 0.0, 0.0], [9.0, 12.0, 15.0]] [[-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0]]
            [[0.0, 0.5, 2.0], [0.0, 0.20000000298023224, 0.800000011920929]] [[True, False, True], [False, True, False]] (1, 2, 3)
            """)
        assertErrors([("x + zeros((3, 2))", "1:3: cannot add tensors of shapes (2, 3) and (3, 2); they do not broadcast (axes must match, be 1, or be missing, aligned from the last)")])
    }

    func testComparisonsAreMasksForIndexingAndWhere() throws {
        XCTAssertEqual(try output("""
            m = x > 2.5
            print(m.dtype, m.shape, x[m].tolist(), x[(x > 0) & (x < 3)].tolist(), x[~m].tolist(), x[x[:, 0] > 1].tolist())
            print(where(x > 2, x, 0).tolist(), where(m, 1, -1).tolist(), (x == x.T.T).all())
            x[x < 2] = -1
            print(x.tolist())
            """), """
            bool (2, 3) [3.0, 4.0, 5.0] [1.0, 2.0] [0.0, 1.0, 2.0] [[3.0, 4.0, 5.0]]
            [[0.0, 0.0, 0.0], [3.0, 4.0, 5.0]] [[-1.0, -1.0, -1.0], [1.0, 1.0, 1.0]] True
            [[-1.0, -1.0, 2.0], [3.0, 4.0, 5.0]]
            """)
        assertErrors([
            ("x[zeros((3,)) > 0]", "1:2: a mask of shape (3,) cannot index a tensor of shape (2, 3); expected the tensor's shape or its leading axes"),
            ("if x > 1: pass", "1:4: the truth of a mask of 6 elements is ambiguous; use any(m) or all(m)"),
        ])
    }

    func testReductionsAsFunctionsAndMethods() throws {
        // sum 15, mean 2.5, population std sqrt(35/12) = 1.707825127659933.
        XCTAssertEqual(try output("""
            print(x.sum(), sum(x), x.mean(), mean(x), x.std(), x.max(), max(x), min(x), x.argmax(), argmin(x), x.any(), all(x))
            print(x.sum(axis=0).tolist(), x.sum(1).tolist(), x.max(dim=1, keepdim=True).tolist(), x.min(axis=(0, 1)), sum(x, axis=-1).shape)
            print(x.argmax(axis=1).tolist(), x.argmin(axis=0).tolist(), (x > 1).any(axis=0).tolist(), (x > 1).all(axis=1).tolist(), x.sum(axis=(0, 1), keepdims=True).shape)
            print(x.item() if x.size == 1 else x[1, 2].item(), x.T.shape, x.T.tolist(), x.shape, x.dtype, len(x), x.ndim)
            """), """
            15.0 15.0 2.5 2.5 1.707825127659933 5.0 5.0 0.0 5 0 True False
            [3.0, 5.0, 7.0] [3.0, 12.0] [[2.0], [5.0]] 0.0 (2,)
            [2.0, 2.0] [0.0, 0.0, 0.0] [True, True, True] [False, True] (1, 1)
            5.0 (3, 2) [[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]] (2, 3) float32 2 2
            """)
        assertErrors([
            ("x.sum(axis=2)", "1:2: sum(): axis 2 is out of range for a tensor of 2 axes"),
            ("x.item()", "1:2: item() needs a tensor of one element, got one of shape (2, 3)"),
            ("x.mean(axis=0, dim=0)", "1:20: mean(): expected dim to be None when axis is given (they are the same; pick one), got int 0"),
        ])
    }

    func testKeypointListsIterateFilterAndBuildBack() throws {
        try value("kp = keypoints(gaussians(size=(16, 16), peaks=[(3, 4, 1.5, 1.0), (10, 12, 1.5, 0.5)]), mask=nms2d(gaussians(size=(16, 16), peaks=[(3, 4, 1.5, 1.0), (10, 12, 1.5, 0.5)]), (3, 3), mask_only=True), min_value=0.2)")
        XCTAssertEqual(try output("""
            print(len(kp), kp[0].x, kp[0].y, kp[0].value, kp[-1].channel, [round(p.value, 2) for p in kp])
            strong = keypoints([p for p in kp if p.value > 0.8])
            print(strong.count, strong[0].x)
            """), "2 3.0 4.0 1.0 0 [1.0, 0.5]\n1 3.0")
    }

    func testAccuracyTableIndexesByMethodAndColumn() throws {
        try value("t = accuracy(size=(24, 24), center=(12, 12), sigma=2.0, trials=16, seed=1)")
        guard case .table(let table)? = session.variables["t"] else { return XCTFail("accuracy gives a table") }
        let methods = table.rows.compactMap { if case .text(let name)? = $0.first { name } else { nil } }
        XCTAssertEqual(try value("len(t)"), .int(table.rows.count))
        XCTAssertEqual(try value("[row['method'] for row in t]"), .list(methods.map(Value.string)))
        XCTAssertEqual(try value("t['rmse_x']"), .list(table.rows.map { Table.value($0[1]) }))
        XCTAssertEqual(try value("t['\(methods[0])']['rmse_y']"), Table.value(table.rows[0][2]))
        XCTAssertEqual(try value("t[0]['failed']"), Table.value(table.rows[0][6]))
        assertErrors([("t['nope']", "1:2: the table has no row or column 'nope'; columns: method, rmse_x, rmse_y, max_error, bias_x, bias_y, failed; rows: \(methods.joined(separator: ", "))")])
    }
}
