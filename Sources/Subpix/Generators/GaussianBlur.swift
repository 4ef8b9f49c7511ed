/// Separable Gaussian blur with replicate borders.
enum GaussianBlur {
    static func apply(_ image: [Double], height: Int, width: Int, sigma: Double) -> [Double] {
        let radius = Int((3 * sigma).rounded(.up))
        var weights = (-radius...radius).map { Double.exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = weights.reduce(0, +)
        weights = weights.map { $0 / total }
        var rows = [Double](repeating: 0, count: image.count)
        for row in 0..<height {
            for column in 0..<width {
                var sum = 0.0
                for (offset, weight) in zip(-radius...radius, weights) {
                    sum += weight * image[row * width + min(width - 1, max(0, column + offset))]
                }
                rows[row * width + column] = sum
            }
        }
        var out = [Double](repeating: 0, count: image.count)
        for row in 0..<height {
            for column in 0..<width {
                var sum = 0.0
                for (offset, weight) in zip(-radius...radius, weights) {
                    sum += weight * rows[min(height - 1, max(0, row + offset)) * width + column]
                }
                out[row * width + column] = sum
            }
        }
        return out
    }
}
