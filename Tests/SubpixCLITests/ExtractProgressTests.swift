import XCTest
import SubpixExtract
import Synchronization

/// The progress bar `subpix extract` draws on a terminal's stderr, and its summary line.
final class ExtractProgressTests: XCTestCase {
    /// Four files, one failed: every input drawn is counted, the last draw is the whole
    /// bar (24 `#`, `4/4 files`, a rate, `ETA 0:00`, `1 failed`), and the summary is one line.
    func testTheBarCountsFilesRateETAAndFailures() {
        let drawn = Mutex<[String]>([])
        let progress = ExtractProgress(total: 4, draw: { text in drawn.withLock { $0.append(text) } })
        for index in 0..<4 { progress.advance(failed: index == 2) }
        progress.wrote(rows: 51)
        let summary = progress.finish()
        let last = drawn.withLock { $0.last } ?? ""
        XCTAssertTrue(last.hasPrefix("\r[" + String(repeating: "#", count: 24) + "]  4/4 files  "), last)
        XCTAssertTrue(last.contains(" files/s  ETA 0:00  1 failed"), last)
        XCTAssertTrue(last.hasSuffix("\u{1B}[K\n"), "the bar's line is ended: \(last)")
        XCTAssertTrue(summary.hasPrefix("extract: 4 inputs (1 failed), 51 rows in "), summary)
        XCTAssertFalse(summary.contains("\n"))
        XCTAssertEqual(progress.failures, 1)
    }

    /// The first input is drawn at once, half-way: 12 of 24 marks and the files left.
    func testTheFirstInputIsDrawnWithTheShareDone() {
        let drawn = Mutex<[String]>([])
        let progress = ExtractProgress(total: 2, draw: { text in drawn.withLock { $0.append(text) } })
        progress.advance(failed: false)
        let first = drawn.withLock { $0.first } ?? ""
        XCTAssertTrue(first.hasPrefix("\r[" + String(repeating: "#", count: 12) + String(repeating: "-", count: 12) + "]  1/2 files  "), first)
        XCTAssertFalse(first.contains("failed"), first)
    }

    /// Off a terminal nothing is drawn; a stream (no total) counts inputs without a bar or ETA.
    func testNoBarOffATerminalAndNoETAWithoutATotal() {
        let silent = ExtractProgress(total: 3, draw: nil)
        silent.advance(failed: false)
        XCTAssertTrue(silent.finish().hasPrefix("extract: 1 input, 0 rows in "))
        let drawn = Mutex<[String]>([])
        let stream = ExtractProgress(total: nil, draw: { text in drawn.withLock { $0.append(text) } })
        stream.advance(failed: false)
        let bar = drawn.withLock { $0.first } ?? ""
        XCTAssertTrue(bar.hasPrefix("\r1 input  "), bar)
        XCTAssertFalse(bar.contains("ETA") || bar.contains("#") || bar.contains("]"), bar)
    }

    /// Jobs count inputs from several threads at once while the bar is drawn: every
    /// input is counted, and the bar is drawn about every 0.1 s all along.
    func testInputsCountedFromManyThreadsWhileDrawing() {
        let draws = Mutex(0), counted = Mutex(0)
        let progress = ExtractProgress(total: Int.max, draw: { _ in draws.withLock { $0 += 1 } })
        // Long enough for several draws (one each 0.1 s), each with threads waiting on the lock.
        let end = DispatchTime.now().uptimeNanoseconds + 700_000_000
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            var mine = 0
            while DispatchTime.now().uptimeNanoseconds < end {
                progress.advance(failed: false)
                mine += 1
            }
            counted.withLock { $0 += mine }
        }
        XCTAssertEqual(progress.done, counted.withLock { $0 })
        XCTAssertGreaterThanOrEqual(draws.withLock { $0 }, 5)
    }
}
