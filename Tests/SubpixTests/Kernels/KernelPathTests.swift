import XCTest
import Subpix

/// Choosing a kernel path: a path the CPU lacks falls back to the widest
/// narrower one it runs, never to a wider one.
final class KernelPathTests: XCTestCase {
    func testAPathTheCPULacksFallsBackToTheWidestNarrowerOne() {
        let order = KernelPath.allCases
        XCTAssertEqual(order, [.baseline, .avx2FMA, .avx512], "narrowest first")
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let fastest = KernelPath.fastestAvailable
        for path in order {
            withKernelPath(path) {
                let expected = rank[path, default: 0] <= rank[fastest, default: 0] ? path : fastest
                XCTAssertEqual(KernelPath.current, expected, "asked for \(path) on a CPU whose fastest is \(fastest)")
            }
        }
    }
}
