import SubpixPictures


/// A palette's 256 stops mapped to xterm-256 entries for terminals without true colour.
///
/// The nearest entry per stop alone fails twice: on viridis it picks greys (a grey inside
/// viridis reads as a hole) and only about a dozen distinct entries, so neighbouring values
/// merge. Instead the ramp is cut into ``steps`` runs of at least ``minimumRun`` stops, each
/// with its own entry, strictly lighter (Oklab L) than the one before — darker again past the
/// lightest stop of a diverging map, whose two sides share no entry — choosing the runs and
/// entries closest to the palette in Oklab overall (see ``chain(_:runs:_:)``). Viridis and
/// magma choose among the cube's coloured entries only, and for each stop only among those
/// keeping ``chromaShare`` of its colourfulness (the nearest entry to viridis's dull middle is
/// often a grey-blue like 60 or 66, which reads as grey speckle in a blob); gray among the
/// greys only, the diverging map (light grey at its centre) among all.
enum XtermRamp {
    /// Distinct entries per ramp: as many as the 6×6×6 cube offers along viridis and magma
    /// while staying close (mean Oklab distance ≈ 0.05 for viridis, 0.06 for magma; the
    /// plain nearest match has 0.044 with only 12 colours).
    static let steps = 24
    /// The fewest stops one entry covers: 8 of 256, about 3 % of the range, so no colour
    /// is a sliver that only makes the count.
    static let minimumRun = 8
    /// Oklab chroma below which an entry counts as grey.
    static let greyChroma = 0.03
    /// The least share of a viridis or magma stop's Oklab chroma its entry keeps: 0.8 keeps
    /// the ramp saturated (xterm 60, 65, 66 and 107 fall below it where viridis uses them)
    /// at a mean Oklab distance of about 0.058 for viridis and 0.063 for magma.
    static let chromaShare = 0.8

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
        let share = map.name == .viridis || map.name == .magma ? chromaShare : 0
        // Up to the lightest stop lightness rises; after it (diverging maps) it falls.
        let lightest = stops.indices.max { stops[$0].lightness < stops[$1].lightness } ?? stops.count - 1
        let risingSteps = max(1, Int((Double(steps * (lightest + 1)) / Double(stops.count)).rounded()))
        let rising = chain(Array(stops[...lightest]), runs: risingSteps, entries, chromaShare: share)
        let unused = entries.filter { !rising.contains($0.index) }
        let falling = chain(Array(stops[(lightest + 1)...].reversed()), runs: steps - risingSteps, unused, chromaShare: share)
        return rising + falling.reversed()
    }

    /// Gives each of `stops` an entry: `runs` distinct entries, strictly rising in lightness
    /// along the stops, each covering at least ``minimumRun`` consecutive stops, minimising the
    /// summed Oklab distance; a stop never takes an entry with less than `chromaShare` of its
    /// own chroma. `entries` are sorted by lightness. One index per stop.
    ///
    /// Dynamic programming over the states (run k, run length so far capped at the minimum,
    /// entry j), one stop at a time: a stop either stays on the entry of the run it is in or,
    /// once that run is long enough, starts the next run on a strictly lighter entry.
    static func chain(_ stops: [Oklab], runs wanted: Int, _ entries: [(index: UInt8, lab: Oklab)], chromaShare: Double = 0) -> [UInt8] {
        let count = stops.count, n = entries.count
        let runs = min(wanted, count / 2, n)
        guard runs >= 1, n > 0 else { return [UInt8](repeating: entries.first?.index ?? 16, count: count) }
        let minimum = max(2, min(minimumRun, count / runs))
        func at(_ k: Int, _ r: Int, _ j: Int) -> Int { (k * minimum + r) * n + j }
        // The run of entry j may follow entries before `lighterFrom[j]` (strictly darker ones).
        var lighterFrom = [Int](repeating: 0, count: n)
        for j in 1..<max(1, n) { lighterFrom[j] = entries[j].lab.lightness > entries[j - 1].lab.lightness ? j : lighterFrom[j - 1] }
        // The cost of giving `stop` an entry: its distance, or infinity for one too dull.
        func entryDistances(_ stop: Oklab) -> [Double] {
            entries.map { $0.lab.chroma < chromaShare * stop.chroma ? .infinity : stop.distance(to: $0.lab) }
        }
        var cost = [Double](repeating: .infinity, count: runs * minimum * n)
        for (j, distance) in entryDistances(stops[0]).enumerated() { cost[at(0, 0, j)] = distance }
        var next = cost
        // Per stop and (run, entry): the entry the run started after, and whether a full-length
        // state was reached by growing (true) or by staying full (false).
        var startedAfter = [Int16](repeating: -1, count: count * runs * n)
        var grewFull = [Bool](repeating: false, count: count * runs * n)
        for i in 1..<count {
            let distances = entryDistances(stops[i])
            for k in 0..<runs {
                for j in 0..<n {
                    for r in 1..<(minimum - 1) { next[at(k, r, j)] = cost[at(k, r - 1, j)] + distances[j] }
                    let (grown, full) = (cost[at(k, minimum - 2, j)], cost[at(k, minimum - 1, j)])
                    grewFull[(i * runs + k) * n + j] = grown < full
                    next[at(k, minimum - 1, j)] = min(grown, full) + distances[j]
                    next[at(k, 0, j)] = .infinity
                }
                guard k > 0 else { continue }
                var best = -1
                for j in 0..<n {
                    // Entries of j's lightness group are not strictly darker; all before it are.
                    if j == lighterFrom[j] {
                        for candidate in (j == 0 ? 0 : lighterFrom[j - 1])..<j
                        where best < 0 || cost[at(k - 1, minimum - 1, candidate)] < cost[at(k - 1, minimum - 1, best)] {
                            best = candidate
                        }
                    }
                    if best >= 0, cost[at(k - 1, minimum - 1, best)].isFinite {
                        next[at(k, 0, j)] = cost[at(k - 1, minimum - 1, best)] + distances[j]
                        startedAfter[(i * runs + k) * n + j] = Int16(best)
                    }
                }
            }
            swap(&cost, &next)
        }
        var (k, r) = (runs - 1, minimum - 1)
        var j = (0..<n).min { cost[at(k, r, $0)] < cost[at(k, r, $1)] } ?? 0
        var chosen = [UInt8](repeating: entries[j].index, count: count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            chosen[i] = entries[j].index
            if r == 0 {
                j = Int(max(0, startedAfter[(i * runs + k) * n + j]))
                (k, r) = (k - 1, minimum - 1)
            } else if r < minimum - 1 || grewFull[(i * runs + k) * n + j] {
                r -= 1
            }
        }
        chosen[0] = entries[j].index
        return chosen
    }
}
