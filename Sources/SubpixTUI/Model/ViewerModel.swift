import Foundation
import Subpix
import SubpixScript

/// Everything the viewer shows, besides what lives in the shared ``Session``:
/// cursor, zoom, mode, messages, and the keypoints computed for the current settings.
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
    public var mode: Mode = .normal
    public var colorMode: ColorMode
    public var cursorX = 0
    public var cursorY = 0
    public var viewport = Viewport()
    /// One line under the heatmap: the last result or error.
    public var message: String?
    public var shouldQuit = false
    /// First row shown of the keypoint list.
    public var listOffset = 0
    /// Show compute times in the side panel (off for reproducible snapshots).
    public var showsTimings = true
    /// Where `w` and `e` write their files.
    public var outputDirectory: URL
    var commandHistory: [String] = []
    var historyIndex: Int?
    private var cache: (key: String, runs: [MethodRun])?

    public init(session: Session, colorMode: ColorMode, outputDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.session = session
        self.colorMode = colorMode
        self.outputDirectory = outputDirectory
        centreCursor()
    }

    /// The tensor shown, and its name.
    public var viewed: (name: String, tensor: AnyTensor)? { session.viewedTensor() }

    /// The map under the cursor's batch / channel / depth.
    public var slice: MapSlice? {
        viewed.map { MapSlice($0.tensor, batch: session.view.batch, channel: session.view.channel, depth: session.view.depth) }
    }

    /// The methods whose keypoints are drawn: the active one, or every applicable one in compare mode.
    public var runs: [MethodRun] {
        guard let viewed else { return [] }
        let key = "\(viewed.name)|\(session.journal.count)|\(session.view)"
        if let cache, cache.key == key { return cache.runs }
        let applicable = MethodRun.methods(forRank: viewed.tensor.shape.count)
        let methods = session.view.compare ? applicable : [session.view.method]
        let runs = methods.map { MethodRun(method: $0, tensor: viewed.tensor, view: session.view) }
        cache = (key, runs)
        return runs
    }

    /// The diagnosis of the shown map when the active method is `spatial_soft_argmax2d`
    /// (the whole-map soft-argmax that flat, doubly-softmaxed and multi-modal maps
    /// mislead; the windowed methods are not misled by several modes), nil otherwise.
    public var diagnosis: Diagnosis? {
        guard session.view.method == .spatialSoftArgmax2d, !session.view.compare, let slice, let map = try? Tensor<Double>(shape: [1, 1, slice.height, slice.width], elements: slice.values) else { return nil }
        return try? diagnose(map, convention: .spatialSoftArgmax2d, temperature: session.view.temperature).first
    }

    /// Ground-truth peaks of the viewed tensor when `gaussians(...)` made it.
    public var groundTruth: [GaussianPeak] { viewed.flatMap { session.groundTruth[$0.name] } ?? [] }

    /// Runs `statement` in the session; a failure becomes the message and changes nothing.
    @discardableResult
    public func run(_ statement: String) -> Bool {
        do {
            let value = try session.execute(statement)
            if let value, case .none = value {} else if let value { message = value.repr.split(separator: "\n").first.map(String.init) }
            clampSelection()
            return true
        } catch {
            message = "\(error)"
            return false
        }
    }

    func centreCursor() {
        guard let slice else { return }
        cursorX = slice.width / 2
        cursorY = slice.height / 2
    }

    /// Keeps batch / channel / depth and the cursor inside the viewed tensor.
    func clampSelection() {
        guard let slice else { return }
        cursorX = min(max(0, cursorX), slice.width - 1)
        cursorY = min(max(0, cursorY), slice.height - 1)
    }
}
