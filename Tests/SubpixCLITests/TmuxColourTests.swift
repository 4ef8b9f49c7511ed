import XCTest
import TestSupport

/// End-to-end colour: the real viewer in tmux, its pane captured with `-e`: 24-bit
/// colour where the terminal has it, 256 colours where it has not, `--colors` overriding.
final class TmuxColourTests: XCTestCase {
    /// One private tmux server per viewer started (a server just killed may still hold its socket).
    private var servers: [TmuxDriver] = []
    private var directory: URL!

    override func setUpWithError() throws {
        guard TmuxDriver(target: "probe").isAvailable else {
            throw XCTSkip("tmux is not installed: the end-to-end colour test is skipped (apt-get install tmux)")
        }
        directory = try scratchDirectory("subpix-tmux-colour")
    }

    override func tearDown() {
        servers.forEach { $0.stop() }
    }

    /// Starts the viewer with `environment` (shell assignments) and `arguments` in a tmux that
    /// assumes a 256-colour outer terminal (`-2`) with the `RGB` feature; the pane once drawn.
    private func view(_ environment: String, _ arguments: String = "", expect label: String) throws -> String {
        let tmux = TmuxDriver(target: "viewer")
        servers.append(tmux)
        // The derived terminfo entry goes to a private cache, not the user's.
        let command = "cd \(directory.path) && env -u COLORTERM XDG_CACHE_HOME=\(directory.path)/cache \(environment) "
            + "\(CLIRunner.binary.path) view \(arguments); sleep 5"
        try tmux.run(["-2", "-f", "/dev/null", "new-session", "-d", "-s", "viewer", "-x", "100", "-y", "32", command])
        try tmux.run(["set-option", "-s", "terminal-features", ",*:RGB"])
        try tmux.waitFor(label)
        return try tmux.waitFor("\u{1B}[", colors: true)
    }

    private func has24Bit(_ screen: String) -> Bool { screen.contains("[38;2;") || screen.contains(";38;2;") || screen.contains("48;2;") }
    private func has256(_ screen: String) -> Bool { screen.contains("38;5;") || screen.contains("48;5;") }

    /// The heatmap rows (left of the panel) carry 24-bit colours; the panel says so.
    func testTrueColourTerminalGets24BitColour() throws {
        let screen = try view("COLORTERM=truecolor TERM=tmux-256color", expect: "viridis · true colour")
        let heatmapRows = screen.split(separator: "\n").prefix(20).map { String($0.prefix(400)) }.joined()
        XCTAssertTrue(has24Bit(heatmapRows), "24-bit sequences on the heatmap:\n\(screen.prefix(600))")
    }

    /// `TERM=xterm-256color` without `COLORTERM`: only 256-colour sequences.
    func testTwoFiftySixColourTerminalGetsOnlyIndexedColour() throws {
        let screen = try view("TERM=xterm-256color", expect: "viridis · 256 colours")
        XCTAssertTrue(has256(screen))
        XCTAssertFalse(has24Bit(screen), "no 24-bit sequences:\n\(screen.prefix(600))")
    }

    /// `--colors` overrides the detection both ways.
    func testColorsOptionOverridesDetection() throws {
        let forced = try view("TERM=xterm-256color", "--colors truecolor", expect: "viridis · true colour")
        XCTAssertTrue(has24Bit(forced))
        let limited = try view("COLORTERM=truecolor TERM=xterm-256color", "--colors 256", expect: "viridis · 256 colours")
        XCTAssertFalse(has24Bit(limited))
        let ascii = try view("COLORTERM=truecolor TERM=xterm-256color", "--colors ascii", expect: "viridis · ASCII")
        XCTAssertFalse(ascii.contains("▀"), "ASCII mode draws the character ramp")
    }
}
