import XCTest
import TestSupport

/// End-to-end: `subpix repl`, piped and in a real terminal (tmux).
final class ReplCommandTests: XCTestCase {
    func testPipedInputHasNoPromptNoBannerAndNoEscapeCodes() throws {
        let result = try CLIRunner.launch(["repl"], stdin: """
            x = 2
            x * 21
            heat = gaussians(size=(4, 8),
                             peaks=[(3, 2, 1)])
            show(heat)
            nope
            x
            """)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[0], "42")
        XCTAssertTrue(lines[1].hasPrefix("tensor (1, 1, 4, 8) float32  min "), String(lines[1]))
        XCTAssertEqual(lines.suffix(2), ["2", ""], "the error did not end the session or lose x")
        XCTAssertFalse(result.stdout.contains("\u{1B}"), "no escape codes on a pipe")
        XCTAssertFalse(result.stdout.contains(">>>"))
        XCTAssertEqual(result.stderr, "<stdin>:6:1: error: name 'nope' is not defined\n    nope\n    ^\n",
                       "line numbers count from the start of the input")
        XCTAssertEqual(result.status, 1, "piped input with a failed statement exits 1, as `python < file` does")
    }

    func testPipedInputEndingInsideABracketReportsIt() throws {
        let result = try CLIRunner.launch(["repl"], stdin: "print(1)\nf = zeros((2,\n")
        XCTAssertEqual(result.stdout, "1\n")
        XCTAssertEqual(result.stderr.split(separator: "\n").first, "<stdin>:2:14: error: expected ')' to close the parenthesis, got end of input")
    }

    func testPipedBlocksEndAtTheMarginOrAnEmptyLine() throws {
        let result = try CLIRunner.launch(["repl"], stdin: """
            for i in range(3):
                if i == 1:
                    continue
                print(i)
            print("done")
            def double(x):
                return 2 * x

            double(21)
            while True:
                nope
            print("kept")
            """)
        XCTAssertEqual(result.stdout, "0\n2\ndone\n42\nkept\n")
        XCTAssertEqual(result.stderr.split(separator: "\n").first, "<stdin>:11:5: error: name 'nope' is not defined")
    }

    func testCtrlCStopsARunawayLoopAndKeepsTheSession() throws {
        let tmux = TmuxDriver(target: "repl-loop")
        guard tmux.isAvailable else { throw XCTSkip("tmux is not installed: the interactive REPL test is skipped (apt-get install tmux)") }
        defer { tmux.stop() }
        let directory = try scratchDirectory("subpix-repl-loop")
        let status = directory.appendingPathComponent("status").path
        try tmux.start("SUBPIX_HISTORY=\(directory.path)/history TERM=xterm-256color \(CLIRunner.binary.path) repl; echo EXIT=$? > \(status); sleep 5")
        try tmux.waitFor("Ctrl-D exits.\n>>>")
        try tmux.enter("n = 0")
        try tmux.enter("while True:")
        try tmux.waitFor(">>> while True:\n...")
        try tmux.enter("    n += 1")
        try tmux.send("Enter")   // the empty line ends the block; the loop runs until Ctrl-C
        try tmux.interrupt(after: 1)
        try tmux.waitFor("error: interrupted")
        try tmux.enter("n > 1000")
        try tmux.waitFor("\nTrue\n>>>")
        try tmux.send("C-d")
        XCTAssertEqual(tmux.waitForFile(status), "EXIT=0\n", "Ctrl-C stopped the statement, not the session")
        XCTAssertTrue(try tmux.screen().contains("<repl>:2:5: error: interrupted"), "the error names the loop's line")
    }

    func testInteractiveEditingHistoryCompletionCtrlCAndCtrlD() throws {
        let tmux = TmuxDriver(target: "repl")
        guard tmux.isAvailable else { throw XCTSkip("tmux is not installed: the interactive REPL test is skipped (apt-get install tmux)") }
        let again = tmux.fresh()   // the second run gets its own server
        defer {
            tmux.stop()
            again.stop()
        }
        let directory = try scratchDirectory("subpix-repl")
        let history = directory.appendingPathComponent("history").path
        let status = directory.appendingPathComponent("status").path
        let command = "cd \(directory.path) && SUBPIX_HISTORY=\(history) TERM=xterm-256color \(CLIRunner.binary.path) repl; echo EXIT=$? > \(status); sleep 5"

        try tmux.start(command)
        try tmux.waitFor("Ctrl-D exits.\n>>>")
        // A continued line, abandoned with Ctrl-C: the prompt is fresh and nothing ran.
        try tmux.type("x = (1,")
        try tmux.send("Enter")
        try tmux.waitFor("\n...")
        try tmux.type("2")
        try tmux.waitFor("\n... 2")   // echoed before the interrupt, so ^C follows it on the line
        try tmux.send("C-c")
        try tmux.waitFor("... 2^C\n>>>")
        // Tab completes a builtin, then the keyword of the call being typed.
        try tmux.type("heat = gaussians(size=(8, 8), peaks=[(3, 4, 1)])")
        try tmux.send("Enter")
        try tmux.type("c = conv_soft_argmax2")
        try tmux.send("Tab")
        try tmux.type("(heat, outp")
        try tmux.send("Tab")
        try tmux.type("True)")
        try tmux.send("Enter")
        try tmux.type("len = c[1].shape")
        try tmux.send("Enter")
        try tmux.type("len")
        try tmux.send("Enter")
        try tmux.waitFor("(1, 1, 8, 8)")
        try tmux.type("x")
        try tmux.send("Enter")
        try tmux.waitFor("name 'x' is not defined")
        try tmux.send("C-d")
        XCTAssertEqual(tmux.waitForFile(status), "EXIT=0\n")
        let screen = try tmux.screen()
        XCTAssertTrue(screen.contains(">>> c = conv_soft_argmax2d(heat, output_value=True)"), screen)

        // History persists across runs: Up recalls the last entry of the previous session.
        XCTAssertEqual(try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n").last, "x")
        try FileManager.default.removeItem(atPath: status)
        tmux.stop()
        try again.start(command)
        try again.waitFor(">>>")
        try again.send("Up", "Up")
        try again.waitFor(">>> len")
        try again.send("C-u", "C-d")
        XCTAssertEqual(again.waitForFile(status), "EXIT=0\n")
    }
}
