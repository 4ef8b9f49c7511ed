import Subpix
import SubpixSession

/// One computation the viewer needs: a snapshot of everything the keypoints
/// of the shown map depend on, which computes them anywhere (it holds no
/// reference to the session, so the compute worker's thread can run it).
public struct ViewComputation: Sendable {
    /// What the result depends on: the viewed variable at a session revision
    /// and the settings that change keypoints (not the palette or the list's units).
    public struct Key: Hashable, Sendable {
        var name: String
        var revision: Int
        var methods: [KeypointMethod]
        var settings: ViewSettings
        /// The kornia release the session follows (what the temperature means).
        var kornia: KorniaVersion
        /// The grid's maps on its page (empty: the one map the settings select).
        var maps: [MapIndex] = []

        /// Whether both are of the same variable, map(s) and methods (they differ in parameters only).
        func isSameMap(as other: Key) -> Bool {
            (name, revision, methods, settings.batch, settings.channel, maps)
                == (other.name, other.revision, other.methods, other.settings.batch, other.settings.channel, other.maps)
        }
    }

    let key: Key
    let tensor: AnyTensor
    /// The tensor's per-map statistics when the viewer has them (nil: computed with the keypoints).
    let statistics: TensorStatistics?

    /// - Parameters:
    ///   - statistics: `viewed`'s, when already computed for this revision.
    ///   - maps: the grid's maps to compute instead of the selected one (empty: the selected one).
    init(session: Session, tensor viewed: (name: String, tensor: AnyTensor), statistics: TensorStatistics? = nil, maps: [MapIndex] = []) {
        var settings = session.view
        let methods = ViewComputation.methods(settings, rank: viewed.tensor.shape.count)
        // Fields that change how results are shown, not the results.
        (settings.palette, settings.normalizedCoordinates, settings.input, settings.compare) = (.auto, false, nil, false)
        settings.markers = true
        settings.influence = nil
        if viewed.tensor.shape.count != 5 { settings.depth = 0 }
        // The grid names its maps: the selection does not change its keypoints.
        if !maps.isEmpty { (settings.batch, settings.channel) = (0, 0) }
        key = Key(name: viewed.name, revision: session.variableRevisions[viewed.name] ?? 0, methods: methods, settings: settings,
                  kornia: session.kornia, maps: maps)
        tensor = viewed.tensor
        self.statistics = statistics
    }

    /// The methods `settings` shows on a tensor of `rank`: the active one, or every applicable one in compare mode.
    static func methods(_ settings: ViewSettings, rank: Int) -> [KeypointMethod] {
        settings.compare ? KeypointMethod.methods(forRank: rank) : [settings.method]
    }

    /// Runs every method on the shown map — none when the map has no confident
    /// peak (``ConfidenceRule``) — and diagnoses it when the active method alone
    /// is a soft-argmax (``KeypointMethod/softArgmaxes``).
    func compute() -> ComputedView {
        let view = key.settings
        let statistics = statistics ?? TensorStatistics(tensor)
        guard key.maps.isEmpty else {
            let panels = key.maps.map { index in
                var map = view
                (map.batch, map.channel) = (index.batch, index.channel)
                return (index, key.methods.map { MethodRun(method: $0, tensor: tensor, view: map, statistics: statistics) })
            }
            return ComputedView(runs: [], diagnosis: nil, statistics: statistics, panels: Dictionary(panels) { first, _ in first })
        }
        let runs = key.methods.map { MethodRun(method: $0, tensor: tensor, view: view, statistics: statistics) }
        return ComputedView(runs: runs, diagnosis: key.methods.count == 1 && KeypointMethod.softArgmaxes.contains(key.methods[0]) ? diagnosis(view, by: key.methods[0]) : nil,
                            statistics: statistics)
    }

    /// The diagnosis of the shown map by `method` (a whole-map soft-argmax is
    /// misled by flat, doubly-softmaxed and multi-modal maps; a windowed one by a
    /// temperature that pins it to pixel centres), named by its batch and channel.
    private func diagnosis(_ view: ViewSettings, by method: KeypointMethod) -> Diagnosis? {
        let shape = tensor.shape
        guard shape.count == 4, view.batch < shape[0], view.channel < shape[1] else { return nil }
        // In the tensor's own dtype and storage: no copy of a one-map tensor, no map in doubles.
        func diagnoseShown<S: SubpixScalar>(_ x: Tensor<S>) throws -> Diagnosis? {
            try diagnose(try MapSelection.map(x, batch: view.batch, channel: view.channel),
                         method: method, version: key.kornia, temperature: view.temperature).first
        }
        guard var result = try? tensor.visit(diagnoseShown, diagnoseShown) else { return nil }
        (result.batch, result.channel) = (view.batch, view.channel)
        return result
    }
}

/// What a ``ViewComputation`` gives the viewer.
public struct ComputedView: Sendable {
    public var runs: [MethodRun]
    public var diagnosis: Diagnosis?
    /// The viewed tensor's per-map statistics (what the confidence rule judged by).
    public var statistics: TensorStatistics
    /// The grid's maps, each with its runs (empty for one map).
    public var panels: [MapIndex: [MethodRun]] = [:]
}

/// The results of recent computations by their key, so returning to earlier
/// settings or a map seen before costs nothing (least recently used go first).
struct ComputationCache {
    var capacity = 64
    private var entries: [ViewComputation.Key: ComputedView] = [:]
    private var order: [ViewComputation.Key] = []

    /// How many results are kept.
    var count: Int { entries.count }

    /// The cached result, or nil.
    mutating func cached(_ key: ViewComputation.Key) -> ComputedView? {
        guard let found = entries[key] else { return nil }
        touch(key)
        return found
    }

    mutating func store(_ result: ComputedView, for key: ViewComputation.Key) {
        entries[key] = result
        touch(key)
        while order.count > capacity { entries[order.removeFirst()] = nil }
    }

    /// The result of `computation`, computed now when it is not cached.
    mutating func result(for computation: ViewComputation) -> ComputedView {
        if let found = cached(computation.key) { return found }
        let result = computation.compute()
        store(result, for: computation.key)
        return result
    }

    private mutating func touch(_ key: ViewComputation.Key) {
        order.removeAll { $0 == key }
        order.append(key)
    }
}
