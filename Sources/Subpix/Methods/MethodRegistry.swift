extension Method {
    /// Every method, in the order `help()` and the docs list them.
    public static let all: [Method] = [
        spatialSoftmax2d, spatialExpectation2d, spatialSoftArgmax2d, renderGaussian2d,
        convSoftArgmax2d, convSoftArgmax3d, convQuadInterp3d, iterativeQuadInterp3d,
        nms2d, nms3d, nms3dMinmax,
    ]

    /// The method called `name`.
    ///
    /// - Throws: ``SubpixError`` naming the methods there are, for an unknown name.
    public static func named(_ name: String) throws -> Method {
        guard let method = all.first(where: { $0.name == name }) else {
            throw SubpixError("methods", "expected one of \(all.map(\.name).joined(separator: ", ")), got '\(name)'")
        }
        return method
    }
}
