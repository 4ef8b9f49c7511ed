#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Subpix
import XCTest

/// The `subpix` command keeps freed memory warm (``HeapTuning``): a loop of op
/// calls must not page-fault its outputs in afresh on every call.
///
/// Page faults are counted, not time: `csa2d_dense_vjp` frees about 8 MB a call
/// (its gradient, coordinates and values); with glibc's defaults, when the
/// process has freed nothing large before, that memory goes back to the kernel
/// and is faulted in again next call — about 2000 faults (8 MB / 4 KB pages) a
/// call, measured here with `/usr/bin/time -f %R` on the command before this
/// change; none after it.
final class HeapTuningTests: XCTestCase {
    func testTheSettingsAreTakenOnGlibc() throws {
        #if canImport(Glibc)
        XCTAssertTrue(HeapTuning.keepFreedMemoryWarm(), "glibc refused the settings (or the shim did not see glibc)")
        #else
        throw XCTSkip("only glibc is tuned")
        #endif
    }

    func testARepeatedCallDoesNotFaultItsMemoryInAgain() throws {
        #if canImport(Glibc)
        let two = try minorFaults(repetitions: 2)
        let twelve = try minorFaults(repetitions: 12)
        let perCall = Double(twelve - two) / 10
        XCTAssertLessThan(perCall, 200, "each call faulted its memory in again (\(perCall) minor faults a call)")
        #else
        throw XCTSkip("only glibc is tuned")
        #endif
    }

    #if canImport(Glibc)
    /// Minor page faults of one `subpix bench` run of `csa2d_dense_vjp` on one thread.
    private func minorFaults(repetitions: Int) throws -> Int {
        let before = childrenMinorFaults()
        let run = try CLIRunner.launch(["bench", "--threads", "1", "--reps", String(repetitions), "--only", "csa2d_dense_vjp"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return childrenMinorFaults() - before
    }

    private func childrenMinorFaults() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return usage.ru_minflt
    }
    #endif
}
