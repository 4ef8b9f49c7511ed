import Subpix
import SubpixSession

/// What the heatmap pane and its picture (``ViewSnapshot``) both draw.
extension ViewerModel {
    /// The palette the shown map is drawn with, in the model's colour mode (`auto`
    /// resolved by the colour scale: diverging when it is centred on 0); nil without a map.
    public var palette: Palette? {
        guard slice != nil else { return nil }
        guard influence == nil else { return Palette(.diverging, mode: colorMode) }   // the gradient overlay
        return Palette.resolve(session.view.palette, signed: colorScale.centred, mode: colorMode)
    }

    /// The keypoints of `run` that are drawn: all of a 2D map's; of a volume's, those within
    /// `view.depth_band` slices of the shown depth.
    func drawnKeypoints(_ run: MethodRun) -> [Keypoint] {
        let view = session.view
        return run.keypoints.filter { point in
            point.depth.map { abs($0 - Double(view.depth)) <= Double(view.depthBand) + 0.5 } ?? true
        }
    }
}
