import Foundation
import Subpix
import SubpixLanguage
import SubpixFiles
import SubpixPictures
import SubpixSession

/// Everything the viewer shows, besides what lives in the shared ``Session``:
/// screen size, cursor, zoom, mode, messages, and the keypoints computed for
/// the current settings.
///
/// ``update(_:)`` is the only way anything here changes, and it returns what is
/// to be done outside the model (``ViewerEffect``); ``Renderer`` only reads it.
public final class ViewerModel {
    public enum Mode: Sendable, Equatable {
        case normal
        case help
        /// Typing a `:` command; the text so far.
        case command(String)
        /// The full diagnosis of the shown map (`d`).
        case diagnosis
        /// The active method's formula with the cursor's numbers (`x`).
        case explain
        /// The output of a `:` statement that printed several lines, from this line on.
        case output(Int)
    }

    public let session: Session
    public internal(set) var mode: Mode = .normal
    public internal(set) var colorMode: ColorMode
    /// The terminal size, set by ``ViewerEvent/resize(width:height:)``.
    public internal(set) var layout: Layout
    public internal(set) var cursorX = 0
    public internal(set) var cursorY = 0
    public internal(set) var viewport = Viewport()
    /// One line under the heatmap: the last result or error.
    public internal(set) var message: String?
    /// Every line the last `:` statement printed (its value when it printed nothing).
    public internal(set) var output: [String] = []
    public internal(set) var shouldQuit = false
    /// The live source's frames and state; nil for a file, a script or the demo.
    public internal(set) var live: LiveState?
    /// First row shown of the keypoint list.
    public internal(set) var listOffset = 0
    /// Show compute times in the side panel (off for reproducible snapshots).
    public var showsTimings = true
    /// Where `w` and `e` write their files.
    public var outputDirectory: URL
    var commandHistory: [String] = []
    var historyIndex: Int?
    /// The effects the running ``update(_:)`` asks for, returned when it ends.
    var requested: [ViewerEffect] = []

    /// The shown map, refreshed by `update` when the tensor or the selection changes.
    public internal(set) var slice: MapSlice?
    /// The shown map at the pane's resolution, refreshed when the map, zoom, pan or pane change.
    public internal(set) var image: PaneImage?
    /// Where the map's values sit on the palette (`view.range`).
    public internal(set) var colorScale = ColorScale(low: 0, high: 1)
    /// The keypoints of the shown map: the active method, or every applicable one in compare mode.
    public internal(set) var runs: [MethodRun] = []
    /// The diagnosis of the shown map (see ``ViewComputation/diagnosis``).
    public internal(set) var diagnosis: Diagnosis?
    /// Compute keypoints inside `update` (scripts, tests, benchmarks); the
    /// terminal app sets it off and leaves them to its ``ComputeWorker``.
    public var computesInline = true
    /// The computation the view waits for (nil when it shows the current settings' keypoints).
    public internal(set) var awaited: ViewComputation?
    /// Since when the view waits for the worker (``isComputing``), and the latest clock tick.
    public internal(set) var awaitedSince: Date?
    public internal(set) var now = Date()
    /// The gradient overlay when `view.influence` is on (see ``InfluenceOverlay``).
    public internal(set) var influence: InfluenceOverlay?
    /// The gradient overlay the view waits for from the worker (nil when it shows the current one).
    public internal(set) var awaitedInfluence: InfluenceComputation?
    /// The viewed tensor's per-map statistics, for the confidence rule, and the variable revision they are of.
    public internal(set) var statistics: (name: String, revision: Int, value: TensorStatistics)?
    /// The grid of small multiples (`#`), or nil when one map is shown.
    public internal(set) var grid: GridState?
    /// The grid page's maps with their runs, once computed.
    public internal(set) var gridRuns: [MapIndex: [MethodRun]] = [:]
    /// The grid page's maps, each sampled for its panel (refreshed by `update`).
    public internal(set) var gridPanels: [GridPanel] = []
    var gridPanelsKey: GridPanel.Key?
    /// The file `subpix view FILE` opened (the `file` column of `E`'s export); nil for a script or the demo.
    public var sourceFile: String?
    var computations = ComputationCache()
    private var sliceKey: MapSlice.Key?
    private var imageKey: PaneImage.Key?
    /// The viewed tensor's finite range, for `view.range = "tensor"`, and what it was computed from.
    private var tensorRange: (key: MapSlice.Key, low: Double, high: Double)?
    private(set) var computedKey: ViewComputation.Key?

    public init(session: Session, colorMode: ColorMode, size: (width: Int, height: Int) = (100, 32),
                outputDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath), live: LiveState? = nil) {
        self.session = session
        self.live = live
        self.colorMode = colorMode
        self.layout = Layout(width: size.width, height: size.height)
        self.outputDirectory = outputDirectory
        installSnapshotHook()
        reconcileMethod()
        openVolumeAtItsMaximum()
        refresh()
        centreCursor()
        clampView()
        refreshInfluence()
        refreshImage()
    }

    /// Whether the view waits for the worker: keypoints or a gradient overlay.
    public var isComputing: Bool { awaited != nil || awaitedInfluence != nil }

    /// Where data points land in the heatmap pane.
    public var placement: Placement? {
        slice.map { viewport.placement(mapWidth: $0.width, mapHeight: $0.height, pane: layout.pane) }
    }

    /// How many computed settings are kept for returning to them (0: none; benchmarks measure every press).
    public var computationCacheCapacity: Int {
        get { computations.capacity }
        set { computations.capacity = newValue }
    }

    /// The tensor shown, and its name.
    public var viewed: (name: String, tensor: AnyTensor)? { session.viewedTensor() }

    /// The methods the settings show on the viewed tensor (what `w` writes, whether or not computed yet).
    var shownMethods: [KeypointMethod] {
        viewed.map { ViewComputation.methods(session.view, rank: $0.tensor.shape.count) } ?? []
    }

    /// Ground truth read from a file (`--truth`): its peaks of the shown map are the truth
    /// whatever the tensor.
    public var truthTable: [TruthTable.Point]?

    /// Ground-truth peaks of the shown map: the `--truth` table's rows for it, else those
    /// `gaussians(...)` made the viewed tensor with.
    public var groundTruth: [GaussianPeak] {
        if let truthTable {
            let view = session.view
            return truthTable.filter { $0.belongs(toBatch: view.batch, channel: view.channel) }
                .map { GaussianPeak(x: $0.x, y: $0.y, sigma: 0) }
        }
        return viewed.flatMap { session.groundTruth[$0.name] } ?? []
    }

    /// The keypoints the side panel lists and `e` exports: every shown method's
    /// (one, or all of them in compare mode), in the units the list shows.
    public var listedKeypoints: [(method: KeypointMethod, points: KeypointList)] {
        runs.map { run in
            guard listsNormalized, let slice else { return (run.method, run.keypoints) }
            var points = run.keypoints
            points.points = points.points.map { KeypointText.normalized($0, width: slice.width, height: slice.height) }
            return (run.method, points)
        }
    }

    /// Whether the list shows coordinates normalised to [-1, 1]: `n` is on and
    /// every shown method has kornia's `normalized_coordinates` (quad-interp has not).
    public var listsNormalized: Bool { session.view.normalizedCoordinates && runs.allSatisfy(\.method.normalizes) }

    /// Brings the derived state up to date with the session: the shown map and
    /// the keypoints (from the cache when the same settings were computed before).
    func refresh() {
        guard let viewed else {
            (slice, sliceKey, runs, diagnosis, computedKey, awaited) = (nil, nil, [], nil, nil, nil)
            return
        }
        let view = session.view
        let key = MapSlice.Key(name: viewed.name, revision: session.variableRevisions[viewed.name] ?? 0,
                               batch: view.batch, channel: view.channel, depth: view.depth)
        if key != sliceKey {
            slice = MapSlice(viewed.tensor, batch: view.batch, channel: view.channel, depth: view.depth)
            sliceKey = key
        }
        colorScale = scale(for: view.range, tensor: viewed.tensor, key: key)
        let computation = ViewComputation(session: session, tensor: viewed, statistics: statistics(of: key), maps: gridMaps)
        guard computation.key != computedKey else { return awaited = nil }
        if let result = computations.cached(computation.key) {
            show(result, for: computation.key)
        } else if computesInline {
            let result = computation.compute()
            computations.store(result, for: computation.key)
            show(result, for: computation.key)
        } else if computation.key != awaited?.key {
            // Until the worker delivers, keep the previous keypoints only when they are of the same map and methods.
            if let shown = computedKey, !computation.key.isSameMap(as: shown) { (runs, diagnosis, gridRuns) = ([], nil, [:]) }
            if !isComputing { awaitedSince = now }
            awaited = computation
        }
    }

    /// A result the worker computed: cached, and shown when it is the one awaited.
    func receive(_ result: ComputedView, for key: ViewComputation.Key) {
        computations.store(result, for: key)
        if key == awaited?.key { show(result, for: key) }
    }

    private func show(_ result: ComputedView, for key: ViewComputation.Key) {
        (runs, diagnosis, computedKey, awaited) = (result.runs, result.diagnosis, key, nil)
        if !isComputing { awaitedSince = nil }
        (statistics, gridRuns) = ((key.name, key.revision, result.statistics), result.panels)
    }

    /// The statistics kept for the variable and revision `key` shows, if any.
    private func statistics(of key: MapSlice.Key) -> TensorStatistics? {
        statistics(name: key.name, revision: key.revision)
    }

    /// The statistics kept for variable `name` at `revision`, if any.
    func statistics(name: String, revision: Int) -> TensorStatistics? {
        guard let statistics, statistics.name == name, statistics.revision == revision else { return nil }
        return statistics.value
    }

    /// The colour scale `range` asks for.
    private func scale(for range: ColorRange, tensor: AnyTensor, key: MapSlice.Key) -> ColorScale {
        switch range {
        case .map:
            return slice?.colorScale ?? ColorScale(low: 0, high: 1)
        case .fixed(let low, let high):
            return ColorScale(low: low, high: high, centred: low < 0 && high > 0)
        case .tensor:
            var whole = key
            (whole.batch, whole.channel, whole.depth) = (0, 0, 0)
            if tensorRange?.key != whole {
                let stats = tensor.visit({ PlaneStatistics($0.elements) }, { PlaneStatistics($0.elements) })
                tensorRange = (whole, stats.low <= stats.high ? stats.low : 0, stats.low <= stats.high ? stats.high : 1)
            }
            let (low, high) = (tensorRange?.low ?? 0, tensorRange?.high ?? 1)
            return ColorScale(low: low, high: high, centred: low < 0 && high > 0 && -low >= 0.2 * high)
        }
    }

    /// Re-samples the shown part of the map when the map, the viewport, the pane or `view.resample` changed.
    /// The gradient overlay, when on, is sampled instead of the map.
    func refreshImage() {
        guard let slice, let sliceKey, let placement, !layout.isTooSmall else { return (image, imageKey) = (nil, nil) }
        let key = PaneImage.Key(slice: sliceKey, viewport: viewport, columns: placement.columns, rows: placement.rows,
                                reduction: session.view.resample, influence: influence?.key)
        guard key != imageKey else { return }
        image = PaneImage(drawnSlice ?? slice, placement: placement, reduction: key.reduction)
        imageKey = key
    }

    func centreCursor() {
        guard let slice else { return }
        cursorX = slice.width / 2
        cursorY = slice.height / 2
    }

    /// Keeps the cursor on the map, the viewport inside it and the list offset inside the list.
    func clampView() {
        if let slice {
            cursorX = min(max(0, cursorX), slice.width - 1)
            cursorY = min(max(0, cursorY), slice.height - 1)
            let pane = layout.pane
            viewport.clamp(mapWidth: slice.width, mapHeight: slice.height, columns: pane.columns, rows: pane.rows)
        }
        listOffset = min(max(0, listOffset), max(0, runs.map(\.keypoints.count).reduce(0, +) - 1))
    }
}
