/// A Monte-Carlo experiment on synthetic heatmaps: how far each ``HeatmapDecoder``
/// lands from the true centre of a sampled Gaussian, and in which direction.
///
/// Each trial renders `exp(−((x − cx)² + (y − cy)²) / (2σ²))` (amplitude 1,
/// sampled at pixel centres) with its true centre `(cx, cy)` drawn uniformly from
/// the pixel square `[x₀ − ½, x₀ + ½) × [y₀ − ½, y₀ + ½)` around `center`, adds
/// `N(0, noise²)` to every pixel, and lets every decoder decode it. The same
/// `seed` gives the same maps, so the same results.
///
/// ```swift
/// let lab = AccuracyLab(sigma: 1, noise: 0, trials: 400)
/// let outcome = try lab.run([.argmax, .gaussian])
/// outcome.summaries[0].rmse.x   // ≈ 0.2887 = √(1/12) for argmax
/// ```
public struct AccuracyLab: Sendable {
    public var sigma: Double
    public var noise: Double
    public var trials: Int
    public var size: (height: Int, width: Int)
    public var center: (x: Double, y: Double)
    public var seed: UInt64
    /// `spatial_soft_argmax2d`'s temperature (it divides the map; in kornia 0.7 it multiplies).
    public var temperature: Double
    /// The kornia release the kornia ops' decoders follow.
    public var version: KorniaVersion

    public init(
        sigma: Double = 1, noise: Double = 0, trials: Int = 400, size: (height: Int, width: Int) = (64, 48),
        center: (x: Double, y: Double) = (20, 30), seed: UInt64 = 0, temperature: Double = 1, version: KorniaVersion = .default
    ) {
        (self.sigma, self.noise, self.trials, self.size) = (sigma, noise, trials, size)
        (self.center, self.seed, self.temperature, self.version) = (center, seed, temperature, version)
    }

    /// The true centres and, per decoder, its estimates, trial by trial.
    public struct Outcome: Sendable {
        public var truths: [(x: Double, y: Double)]
        public var estimates: [(decoder: HeatmapDecoder, points: [(x: Double, y: Double)])]

        /// One summary per decoder, in the order they were run.
        public var summaries: [AccuracySummary] {
            estimates.map { AccuracySummary(decoder: $0.decoder, estimates: $0.points, truths: truths) }
        }
    }

    /// Renders the trials once and decodes them with every decoder.
    /// - Throws: ``SubpixError`` for a setup outside what the lab can render.
    public func run(_ decoders: [HeatmapDecoder]) throws -> Outcome {
        try validate()
        var generator = SeededGenerator(seed: seed)
        let truths = (0..<trials).map { _ in
            (x: center.x - 0.5 + generator.nextUnitInterval(), y: center.y - 0.5 + generator.nextUnitInterval())
        }
        let maps = render(truths, generator: &generator)
        let estimates = try decoders.map { decoder in
            let points = try decoder.decode(maps, reading: HeatmapDecoder.Reading(temperature: temperature, version: version)).elements
            return (decoder, (0..<trials).map { (x: points[2 * $0], y: points[2 * $0 + 1]) })
        }
        return Outcome(truths: truths, estimates: estimates)
    }

    private func validate() throws {
        let op = "accuracy"
        guard sigma > 0, sigma.isFinite else { throw SubpixError(op, "expected sigma > 0, got \(sigma)") }
        guard noise >= 0, noise.isFinite else { throw SubpixError(op, "expected noise >= 0, got \(noise)") }
        guard (1...100_000).contains(trials) else { throw SubpixError(op, "expected 1 <= trials <= 100000, got \(trials)") }
        guard (3...1024).contains(size.height), (3...1024).contains(size.width) else {
            throw SubpixError(op, "expected a size (H, W) between 3 and 1024, got (\(size.height), \(size.width))")
        }
        guard trials * size.height * size.width <= 10_000_000 else {
            throw SubpixError(op, "expected trials · H · W <= 10000000 (80 MB of float64 maps), got \(trials) · \(size.height) · \(size.width)")
        }
        guard center.x >= 0, center.y >= 0, center.x <= Double(size.width - 1), center.y <= Double(size.height - 1) else {
            throw SubpixError(
                op, "expected center (x, y) inside the map (0...\(size.width - 1), 0...\(size.height - 1)), got (\(center.x), \(center.y))")
        }
        guard temperature > 0, temperature.isFinite else { throw SubpixError(op, "expected temperature > 0, got \(temperature)") }
    }

    /// `(trials, 1, H, W)` float64 maps, one Gaussian each, plus the noise.
    private func render(_ truths: [(x: Double, y: Double)], generator: inout SeededGenerator) -> Tensor<Double> {
        let (height, width) = size
        let scale = -0.5 / (sigma * sigma)
        var values: [Double] = []
        values.reserveCapacity(trials * height * width)
        for truth in truths {
            let columns = (0..<width).map { Double.exp(scale * (Double($0) - truth.x) * (Double($0) - truth.x)) }
            for row in 0..<height {
                let rowWeight = Double.exp(scale * (Double(row) - truth.y) * (Double(row) - truth.y))
                for column in 0..<width {
                    let sample = noise > 0 ? noise * generator.nextStandardNormal() : 0
                    values.append(rowWeight * columns[column] + sample)
                }
            }
        }
        return Tensor(uncheckedShape: [trials, 1, height, width], elements: values)
    }
}

/// How one decoder did over the trials: errors are estimate − truth, in pixels.
public struct AccuracySummary: Sendable {
    public var decoder: HeatmapDecoder
    /// Root-mean-square error per axis over the trials that gave a finite point.
    public var rmse: (x: Double, y: Double)
    /// The largest distance from the truth.
    public var maxError: Double
    /// Mean error per axis (systematic bias).
    public var bias: (x: Double, y: Double)
    /// Trials whose estimate was not finite (a fit failed or the maximum was on the border).
    public var failed: Int

    init(decoder: HeatmapDecoder, estimates: [(x: Double, y: Double)], truths: [(x: Double, y: Double)]) {
        self.decoder = decoder
        let errors = zip(estimates, truths).map { (x: $0.x - $1.x, y: $0.y - $1.y) }.filter { $0.x.isFinite && $0.y.isFinite }
        failed = estimates.count - errors.count
        let count = Double(errors.count)
        rmse = ((errors.map { $0.x * $0.x }.reduce(0, +) / count).squareRoot(),
                (errors.map { $0.y * $0.y }.reduce(0, +) / count).squareRoot())
        bias = (errors.map(\.x).reduce(0, +) / count, errors.map(\.y).reduce(0, +) / count)
        maxError = errors.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }.max() ?? .nan
    }
}
