import Subpix
import SubpixSession

/// What the script language's own work costs in `subpix run`: a loop of plain
/// arithmetic, and a loop over channels that calls an op on each (opt-in).
extension Suite {
    /// The 100,000 turns of `for i in range(100000): s += i`; per turn, divide by 100,000.
    static let scriptLoop = script("script_loop_100k", "s = 0\nfor i in range(100000): s += i")

    /// A channel loop as a pose script writes it: 17 slices of a (1, 17, 64, 48) output, an op on each.
    static let scriptChannelLoop = script(
        "script_channel_loop", "for c in range(17):\n    coords = spatial_soft_argmax2d(x[:, c:c + 1])", setup: "x = randn((1, 17, 64, 48), seed=5)")

    /// The same 17 maps in one call, to tell the loop's own cost from the op's.
    static let scriptChannelCall = script(
        "script_channel_call", "coords = spatial_soft_argmax2d(x)", setup: "x = randn((1, 17, 64, 48), seed=5)")

    /// A workload that runs `statements` in a session prepared by `setup` (parse included).
    private static func script(_ name: String, _ statements: String, setup: String = "") -> Workload {
        let shown = statements.replacingOccurrences(of: "\n", with: "; ")
        return Workload(name: name, summary: "\(setup.isEmpty ? "" : setup + "; then ")\(shown), in a session [opt-in]") { version in
            let session = Session(kornia: version, output: { _ in })
            try session.execute(setup)
            return { try session.execute(statements) }
        }
    }
}
