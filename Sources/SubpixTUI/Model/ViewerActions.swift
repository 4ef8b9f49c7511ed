import Foundation
import Subpix
import SubpixPictures
import SubpixSession

/// What the keys of ``KeyTable`` do. Every change of a view setting is a typed
/// ``ViewChange`` applied to the session (``Session/apply(_:)``).
extension ViewerModel {
    /// Applies `changes` together, so nothing is applied half-way; a refusal becomes the message.
    @discardableResult
    func assign(_ changes: [ViewChange]) -> Bool {
        do {
            try session.apply(changes)
            return true
        } catch {
            message = "\(error)"
            return false
        }
    }

    func moveCursor(dx: Int, dy: Int) {
        guard let slice else { return }
        cursorX = min(max(0, cursorX + dx), slice.width - 1)
        cursorY = min(max(0, cursorY + dy), slice.height - 1)
        let pane = layout.pane
        viewport.reveal(x: cursorX, y: cursorY, mapWidth: slice.width, mapHeight: slice.height, columns: pane.columns, rows: pane.rows)
    }

    func zoom(by factor: Double) {
        guard let slice else { return }
        let pane = layout.pane
        viewport.zoom = min(64, max(1, viewport.zoom * factor))
        let s = viewport.scale(mapWidth: slice.width, mapHeight: slice.height, columns: pane.columns, rows: pane.rows)
        viewport.originX = Double(cursorX) - Double(pane.columns) * s / 2
        viewport.originY = Double(cursorY) - Double(pane.rows) * s
    }

    func fitViewport() { viewport = Viewport() }

    /// Temperature × `factor`, rounded to 3 significant digits so that the
    /// journal, the panel and saved scripts read `0.262`, not `0.26214400000000004`.
    func scaleTemperature(by factor: Double) {
        let scaled = Double(String(format: "%.3g", session.view.temperature * factor)) ?? session.view.temperature * factor
        assign([.temperature(scaled)])
    }

    /// Kernel one odd size up or down (3 → 5, 4 → 5, 5 → 3), with the padding that
    /// goes with it (``ViewSettings/padding(forKernel:)``, as a `:` statement gets it).
    func stepKernel(up: Bool) {
        let view = session.view
        let kernel = view.kernelSize.map { size in
            up ? (size % 2 == 0 ? size + 1 : size + 2) : max(1, size % 2 == 0 ? size - 1 : size - 2)
        }
        guard kernel != view.kernelSize else { return message = "kernel_size is already at its minimum (1, 1)" }
        let padding = view.padding(forKernel: kernel)
        assign([.kernelSize(kernel)] + (padding != view.padding ? [.padding(padding)] : []))
    }

    func stepStride(up: Bool) {
        let stride = session.view.stride.map { max(1, $0 + (up ? 1 : -1)) }
        guard stride != session.view.stride else { return message = "stride is already at its minimum (1, 1)" }
        assign([.stride(stride)])
    }

    func stepPadding(up: Bool) {
        let view = session.view
        let padding = zip(view.padding, view.kernelSize).map { max(0, min(WindowAxis.largestPadding(kernel: $1), $0 + (up ? 1 : -1))) }
        guard padding != view.padding else {
            return message = up
                ? "padding \(formatShape(view.padding)) is already half the kernel \(formatShape(view.kernelSize)); raise the kernel first"
                : "padding is already (0, 0)"
        }
        assign([.padding(padding)])
    }

    /// Sets a flag to the opposite of `current`: `toggle(ViewChange.compare, view.compare)`.
    func toggle(_ change: (Bool) -> ViewChange, _ current: Bool) { assign([change(!current)]) }

    func cycleMethod() {
        let methods = viewed.map { KeypointMethod.methods(forRank: $0.tensor.shape.count) } ?? KeypointMethod.all
        guard let next = session.view.method.next(in: methods) else {
            return message = "no keypoint method applies to a tensor of this rank"
        }
        assign([.method(next)])
    }

    /// The next palette that looks different from the one shown: `auto` is skipped
    /// where it resolves to the palette on screen, and so is the palette `auto`
    /// stands for (viridis on a map of one sign), so every press changes the colours.
    /// The message names the palette now in effect.
    func cyclePalette() {
        let names = PaletteName.allCases
        let signed = colorScale.centred
        func shown(_ name: PaletteName) -> PaletteName { ColorMap.resolve(name, signed: signed).name }
        let current = session.view.palette
        let start = names.firstIndex(of: current) ?? 0
        let candidates = (1..<names.count).map { names[(start + $0) % names.count] }
        let next = candidates.first { shown($0) != shown(current) } ?? candidates[0]
        guard assign([.palette(next)]) else { return }
        let name = next == .auto ? "auto (\(shown(next).rawValue))" : next.rawValue
        message = "palette \(name)" + (influence == nil ? "" : " — the gradient overlay stays diverging until f turns it off")
    }

    /// Batch (axis 0) or channel (axis 1) one step forward or back, wrapping around.
    func stepSelection(axis: Int, by step: Int) {
        guard let shape = viewed?.tensor.shape, shape.count >= 4 else { return message = "no batch or channel axis: the viewed tensor is not (B, C, ...)" }
        let current = axis == 0 ? session.view.batch : session.view.channel
        let next = ((current + step) % shape[axis] + shape[axis]) % shape[axis]
        assign([axis == 0 ? .batch(next) : .channel(next)])
    }

    func stepDepth(by step: Int) {
        guard let shape = viewed?.tensor.shape, shape.count == 5 else { return message = "no depth axis: the viewed tensor is not a volume" }
        let depth = min(shape[2] - 1, max(0, session.view.depth + step))
        if depth != session.view.depth { assign([.depth(depth)]) }
    }

    /// The next tensor variable, with a method that applies to its rank and the selection reset.
    func nextTensor() {
        let names = session.variables.keys.sorted().filter { session.tensor(named: $0) != nil }
        guard !names.isEmpty else { return }
        let current = viewed?.name
        let next = names[((current.flatMap { names.firstIndex(of: $0) } ?? -1) + 1) % names.count]
        let tensor = session.tensor(named: next)
        let rank = tensor?.shape.count ?? 4
        var changes: [ViewChange] = [.batch(0), .channel(0), .depth(tensor.map { Self.depthOfMaximum($0, batch: 0, channel: 0) } ?? 0)]
        if session.view.method.inputRank != rank, let first = KeypointMethod.initial(forRank: rank) {
            changes.append(.method(first))
        }
        if assign([.input(next)] + changes.filter(session.view.isChanged(by:))) {
            viewport = Viewport()
            refresh()
            centreCursor()
        }
    }

    func openDiagnosis() {
        if diagnosis == nil {
            message = "d diagnoses \(KeypointMethod.diagnosedNames): press m to select one (diagnose(x, method=...) in : covers both)"
        } else {
            mode = .diagnosis
        }
    }

    /// Enter in the diagnosis: the temperature it suggests, as `t` would set it.
    func applySuggestedTemperature() {
        guard let temperature = diagnosis?.suggestedTemperature else { return message = "the diagnosis suggests no temperature" }
        if assign([.temperature(temperature)]) { message = "temperature \(temperature), as the diagnosis suggests" }
    }

    /// The parameters back to their defaults (kernel and padding together, so the pair stays valid).
    func resetParameters() {
        let defaults = ViewSettings()
        let changes = [
            ViewChange.temperature(defaults.temperature), .kernelSize(defaults.kernelSize), .padding(defaults.padding), .stride(defaults.stride),
            .normalizedCoordinates(defaults.normalizedCoordinates), .strictMaximaBonus(defaults.strictMaximaBonus), .nIters(defaults.nIters),
            .threshold(defaults.threshold), .thresholdMode(defaults.thresholdMode),
            .confidence(defaults.confidence), .confidenceShare(defaults.confidenceShare),
        ].filter(session.view.isChanged(by:))
        guard !changes.isEmpty else { return message = "parameters are already at their defaults" }
        if assign(changes) { message = "parameters reset" }
    }

    /// PgUp / PgDn: the list a page of what it shows up or down.
    func scrollList(pages: Int) {
        guard let slice, let palette else { return }
        let page = SidePanel(model: self, slice: slice, palette: palette).listCapacity(height: layout.messageRow)
        listOffset += pages * max(1, page)
    }

    /// The threshold steps of `l` / `L`, as fractions of the map's (or tensor's) maximum, or values (0 is off).
    static let thresholdSteps = [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]

    func stepThreshold(up: Bool) {
        let current = session.view.threshold ?? 0
        let next = up ? Self.thresholdSteps.first { $0 > current + 1e-12 } : Self.thresholdSteps.last { $0 < current - 1e-12 }
        guard let next else { return message = up ? "threshold is at its highest step (\(session.view.thresholdMode.isRelative ? "90 %" : "0.9"))" : "threshold is already off" }
        assign([.threshold(next == 0 ? nil : next)])
    }

    /// The next threshold mode; a value above 1 set in absolute mode goes back to the default fraction.
    func cycleThresholdMode() {
        let view = session.view
        let next = view.thresholdMode.next
        let tooLarge = next.isRelative && (view.threshold ?? 0) > 1
        if assign([.thresholdMode(next)] + (tooLarge ? [.threshold(ViewSettings().threshold)] : [])) {
            message = "threshold: \(next.meaning)"
        }
    }

    /// A method that applies to the viewed tensor: when a statement made it a
    /// volume (or a map) the active method cannot read, the rank's first method.
    /// A volume shown at depth 0 moves to the slice holding its largest value
    /// (of the selected batch and channel): depth 0 is often empty.
    func openVolumeAtItsMaximum() {
        guard let tensor = viewed?.tensor, session.view.depth == 0 else { return }
        let depth = Self.depthOfMaximum(tensor, batch: session.view.batch, channel: session.view.channel)
        if depth > 0 { _ = assign([.depth(depth)]) }
    }

    /// The depth slice holding the largest finite value of a volume's map (0 for maps, or when there is none).
    static func depthOfMaximum(_ tensor: AnyTensor, batch: Int, channel: Int) -> Int {
        let shape = tensor.shape
        guard shape.count == 5, batch < shape[0], channel < shape[1], shape[3] * shape[4] > 0 else { return 0 }
        let plane = shape[3] * shape[4], start = (batch * shape[1] + channel) * shape[2] * plane
        let range = start..<start + shape[2] * plane
        let largest = tensor.visit({ PlaneStatistics($0.elements[range]).highIndex }, { PlaneStatistics($0.elements[range]).highIndex })
        return (largest ?? 0) / plane
    }

    func reconcileMethod() {
        guard let rank = viewed?.tensor.shape.count, session.view.method.inputRank != rank,
              let method = KeypointMethod.initial(forRank: rank) else { return }
        let previous = session.view.method
        if assign([.method(method)]) {
            message = "\(previous.name) needs \(previous.isVolumetric ? "a (B, C, D, H, W) volume" : "(B, C, H, W) maps"): showing \(method.name)"
        }
    }
}
