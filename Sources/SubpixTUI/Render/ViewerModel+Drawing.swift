import Subpix
import SubpixPictures
import SubpixSession

/// What the heatmap pane and its picture (``ViewSnapshot``) both draw.
extension ViewerModel {
    /// The palette the shown map is drawn with, in the model's colour mode (`auto`
    /// resolved by the colour scale: diverging when it is centred on 0); nil without a map.
    public var palette: Palette? {
        slice == nil ? nil : Palette(colorMap.name, mode: colorMode)
    }

    /// The colour map the shown map is coloured with: the diverging one under the
    /// gradient overlay, else `view.palette` (`auto` resolved by the colour scale).
    public var colorMap: ColorMap {
        influence == nil ? ColorMap.resolve(session.view.palette, signed: colorScale.centred) : ColorMap(.diverging)
    }

    /// The values the pane colours: the gradient overlay when it is on, else the shown map.
    public var drawnSlice: MapSlice? { influence?.slice ?? slice }

    /// What the colour bar spans: `per map 0 … 0.98`; `±0.767` when 0 is its middle;
    /// under the gradient overlay `∂x/∂map ±0.0123`.
    public var colorScaleLabel: String {
        let scale = colorScale
        let name = influence.map { "∂\($0.axis.rawValue)/∂map" } ?? session.view.range.label
        let (low, high) = scale.shownRange
        guard !scale.centred else { return String(format: "%@ ±%.4g", name, high) }
        return String(format: "%@ %.4g … %.4g", name, low, high)
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
