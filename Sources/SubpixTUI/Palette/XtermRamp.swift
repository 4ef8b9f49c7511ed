import SubpixScript

/// A palette's 256 stops mapped to xterm-256 entries for terminals without true colour.
///
/// The nearest entry per stop alone fails twice: on viridis it picks greys (a grey inside
/// viridis reads as a hole) and only about a dozen distinct entries, so neighbouring values
/// merge. Instead the ramp is cut into ``steps`` equal runs and each run gets its own entry,
/// each strictly lighter (Oklab L) than the one before — darker again past the lightest stop
/// of a diverging map, whose two sides share no entry — choosing the chain that is closest in Oklab over all runs (dynamic
/// programming over (run, entry)). Viridis and magma choose among the cube's coloured
/// entries only, gray among the greys only, the diverging map (light grey at its centre)
/// among all.
enum XtermRamp {
    /// Distinct entries per ramp: as many as the 6×6×6 cube offers along viridis and magma
    /// while staying close (mean Oklab distance ≈ 0.06 at 24 runs, 0.044 for the plain
    /// nearest match with its 12 colours).
    static let steps = 24
    /// Oklab chroma below which an entry counts as grey.
    static let greyChroma = 0.03

    /// The xterm index of each of the 256 stops of every palette, computed once.
    static let indices: [PaletteName: [UInt8]] = Dictionary(uniqueKeysWithValues:
        PaletteName.allCases.filter { $0 != .auto }.map { ($0, ramp(for: ColorMap($0))) })

    static func ramp(for map: ColorMap) -> [UInt8] {
        let entries = Xterm.fixedEntries.filter { index in
            let color = Xterm.rgb(index)
            switch map.name {
            case .gray: return color.isGrey
            case .diverging: return true
            default: return !color.isGrey && Oklab(color).chroma >= greyChroma
            }
        }.map { (index: $0, lab: Oklab(Xterm.rgb($0))) }.sorted { $0.lab.lightness < $1.lab.lightness }
        let stops = map.colors.map(Oklab.init)
        // Up to the lightest stop lightness rises; after it (diverging maps) it falls.
        let lightest = stops.indices.max { stops[$0].lightness < stops[$1].lightness } ?? stops.count - 1
        let risingSteps = max(1, Int((Double(steps * (lightest + 1)) / Double(stops.count)).rounded()))
        let rising = chain(Array(stops[...lightest]), runs: risingSteps, entries)
        let unused = entries.filter { !rising.contains($0.index) }
        let falling = chain(Array(stops[(lightest + 1)...].reversed()), runs: steps - risingSteps, unused)
        return rising + falling.reversed()
    }

    /// Cuts `stops` into `runs` equal runs and gives each the entry closest to the run's
    /// middle stop, the entries strictly rising in lightness, minimising the summed
    /// distance. `entries` are sorted by lightness. One index per stop.
    static func chain(_ stops: [Oklab], runs: Int, _ entries: [(index: UInt8, lab: Oklab)]) -> [UInt8] {
        let runs = min(runs, stops.count)
        guard runs > 0, !entries.isEmpty else { return [UInt8](repeating: entries.first?.index ?? 16, count: stops.count) }
        let bounds = (0...runs).map { $0 * stops.count / runs }
        let targets = (0..<runs).map { stops[(bounds[$0] + bounds[$0 + 1]) / 2] }
        var cost = entries.map { targets[0].distance(to: $0.lab) }
        var from = [[Int]]()
        for target in targets.dropFirst() {
            // The cheapest chain so far ending strictly darker than entry j.
            var next = [Double](repeating: .infinity, count: entries.count), choice = [Int](repeating: -1, count: entries.count)
            var best = -1, groupStart = 0
            for j in entries.indices {
                if j > 0, entries[j].lab.lightness > entries[j - 1].lab.lightness {
                    for k in groupStart..<j where best < 0 || cost[k] < cost[best] { best = k }
                    groupStart = j
                }
                if best >= 0, cost[best].isFinite {
                    next[j] = cost[best] + target.distance(to: entries[j].lab)
                    choice[j] = best
                }
            }
            cost = next
            from.append(choice)
        }
        var j = cost.indices.min { cost[$0] < cost[$1] } ?? 0
        var chosen = [entries[j].index]
        for choice in from.reversed() where choice[j] >= 0 {
            j = choice[j]
            chosen.append(entries[j].index)
        }
        chosen.reverse()
        return (0..<runs).flatMap { run in Array(repeating: chosen[min(run, chosen.count - 1)], count: bounds[run + 1] - bounds[run]) }
    }
}
