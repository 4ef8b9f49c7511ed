import Subpix
import SubpixPictures

/// The legend of the viewer's markers, one row per keypoint method, as
/// `docs/viewer.md` shows it ("What the overlays mean"), generated from the
/// methods themselves.
public enum MethodLegend {
    /// The Markdown table: marker, method, what a point is; the ground truth last.
    public static var markdown: String {
        let rows = KeypointMethod.all.map { method in
            "| \(method.marker.colorName) `\(method.marker.shape.glyph)` | `\(method.name)` | \(method.summary) |"
        }
        let truth = "| red `\(MarkerStyle.truth.shape.glyph)` | ground truth | the peaks a `gaussians(...)` map was made with; the side panel shows each method's mean and max error in pixels |"
        return (["| marker | method | what a point is |", "|---|---|---|"] + rows + [truth]).joined(separator: "\n")
    }
}
