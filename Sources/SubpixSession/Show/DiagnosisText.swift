import Foundation
import Subpix

/// A diagnosis as readable lines (the REPL's printout and the viewer's `d` pane).
public enum DiagnosisText {
    public static func lines(_ d: Diagnosis, radius: Double) -> [String] {
        var lines = [
            "batch \(d.batch) channel \(d.channel): " + (d.verdicts.isEmpty ? "ok" : "\(d.verdicts.count) warning\(d.verdicts.count > 1 ? "s" : "")"),
            String(format: "  hard argmax (%d, %d)  soft-argmax (%.2f, %.2f)  distance %.2f px", d.hardArgmax.x, d.hardArgmax.y, d.softArgmax.x, d.softArgmax.y, d.distance),
            String(format: "  refined peak (%.2f, %.2f): soft-argmax %.3f px from it, hard argmax %.3f px", d.refinedPeak.x, d.refinedPeak.y, d.softError, d.argmaxError),
        ]
        if let modes = d.modes {
            lines.append(String(format: "  mass within %.3g px %.1f %%  entropy %.3f  modes %d  probability map %@",
                                radius, 100 * d.massNearArgmax, d.entropy, modes, d.looksLikeProbability ? "yes" : "no"))
        } else {
            lines.append("  (windowed: the whole-map softmax's mass, entropy and modes do not apply)")
        }
        lines += d.verdicts.map { "  ! \($0)" }
        return lines
    }
}
