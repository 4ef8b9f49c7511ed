/// An 8-bit RGB raster, rows top to bottom: what the PNG writer encodes.
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `R, G, B` per pixel, row-major.
    public private(set) var bytes: [UInt8]

    /// An image filled with `color`.
    public init(width: Int, height: Int, color: RGB = .black) {
        self.width = max(0, width)
        self.height = max(0, height)
        bytes = [UInt8](repeating: 0, count: self.width * self.height * 3)
        fill(x: 0, y: 0, width: self.width, height: self.height, with: color)
    }

    public func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// The pixel at (x, y); writes outside the image are ignored, reads give black.
    public subscript(x: Int, y: Int) -> RGB {
        get {
            guard contains(x, y) else { return .black }
            let i = (y * width + x) * 3
            return RGB(bytes[i], bytes[i + 1], bytes[i + 2])
        }
        set {
            guard contains(x, y) else { return }
            let i = (y * width + x) * 3
            (bytes[i], bytes[i + 1], bytes[i + 2]) = (newValue.red, newValue.green, newValue.blue)
        }
    }

    /// Fills a rectangle (clipped to the image).
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, with color: RGB) {
        for row in max(0, y)..<max(max(0, y), min(self.height, y + height)) {
            for column in max(0, x)..<max(max(0, x), min(self.width, x + width)) { self[column, row] = color }
        }
    }
}
