import Foundation
import Subpix
import SubpixScript

/// Everything the viewer shows, besides what lives in the shared ``Session``:
/// screen size, cursor, zoom, mode, messages, and the keypoints computed for
/// the current settings.
///
/// ``update(_:)`` is the only way anything here changes; ``Renderer`` only reads it.
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

    /// The shown map, refreshed by `update` when the tensor or the selection changes.
    public internal(set) var slice: MapSlice?
    /// The keypoints of the shown map: the active method, or every applicable one in compare mode.
    public internal(set) var runs: [MethodRun] = []
    /// The diagnosis of the shown map (see ``ViewComputation/diagnosis``).
    public internal(set) var diagnosis: Diagnosis?
    /// The gradient overlay when `view.influence` is on (see ``InfluenceOverlay``).
    public internal(set) var influence: InfluenceOverlay?
    var computations = ComputationCache()
    private var sliceKey: MapSlice.Key?
    private(set) var computedKey: ViewComputation.Key?

    public init(session: Session, colorMode: ColorMode, size: (width: Int, height: Int) = (100, 32),
                outputDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath), live: LiveState? = nil) {
        self.session = session
        self.live = live
        self.colorMode = colorMode
        self.layout = Layout(width: size.width, height: size.height)
        self.outputDirectory = outputDirectory
        refresh()
        centreCursor()
        clampView()
        refreshInfluence()
    }

    /// How many computed settings are kept for returning to them (0: none; benchmarks measure every press).
    public var computationCacheCapacity: Int {
        get { computations.capacity }
        set { computations.capacity = newValue }
    }

    /// The tensor shown, and its name.
    public var viewed: (name: String, tensor: AnyTensor)? { session.viewedTensor() }

    /// Ground-truth peaks of the viewed tensor when `gaussians(...)` made it.
    public var groundTruth: [GaussianPeak] { viewed.flatMap { session.groundTruth[$0.name] } ?? [] }

    /// The keypoints listed in the side panel (those of the first run).
    public var listedKeypoints: KeypointList { runs.first?.keypoints ?? [] }

    /// Runs `statement` in the session; a failure becomes the message and changes nothing.
    @discardableResult
    func run(_ statement: String) -> Bool {
        do {
            let value = try session.execute(statement)
            if let value, case .none = value {} else if let value { message = value.repr.split(separator: "\n").first.map(String.init) }
            return true
        } catch {
            message = "\(error)"
            return false
        }
    }

    /// Brings the derived state up to date with the session: the shown map and
    /// the keypoints (from the cache when the same settings were computed before).
    func refresh() {
        guard let viewed else {
            (slice, sliceKey, runs, diagnosis, computedKey) = (nil, nil, [], nil, nil)
            return
        }
        let view = session.view
        let key = MapSlice.Key(name: viewed.name, revision: session.variableRevisions[viewed.name] ?? 0,
                               batch: view.batch, channel: view.channel, depth: view.depth)
        if key != sliceKey {
            slice = MapSlice(viewed.tensor, batch: view.batch, channel: view.channel, depth: view.depth)
            sliceKey = key
        }
        let computation = ViewComputation(session: session, tensor: viewed)
        guard computation.key != computedKey else { return }
        let result = computations.result(for: computation)
        (runs, diagnosis, computedKey) = (result.runs, result.diagnosis, computation.key)
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
        listOffset = min(max(0, listOffset), max(0, listedKeypoints.count - 1))
    }
}
