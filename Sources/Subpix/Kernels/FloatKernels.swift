import CSubpixKernels

/// Rebinds the element pointers of a generic op to `Float` when `S` is `Float`,
/// so the op can hand them to the C kernels; `nil` for any other element type.
///
/// In a specialised op the check folds away: the `Float` version calls the
/// kernel, the `Double` version the Swift implementation.
@inline(__always)
func floatPointers<S: SubpixScalar>(
    _ input: UnsafePointer<S>, _ output: UnsafeMutablePointer<S>
) -> (input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>)? {
    guard S.self == Float.self else { return nil }
    return (UnsafeRawPointer(input).assumingMemoryBound(to: Float.self),
            UnsafeMutableRawPointer(output).assumingMemoryBound(to: Float.self))
}

/// `pointer` as a pointer to `Float`, for a generic op whose `S` is `Float`
/// (after ``floatPointers(_:_:)`` has checked that).
@inline(__always)
func floatPointer<S: SubpixScalar>(_ pointer: UnsafePointer<S>) -> UnsafePointer<Float> {
    UnsafeRawPointer(pointer).assumingMemoryBound(to: Float.self)
}

/// How many maps one work item of a per-map kernel takes: enough items for
/// ``parallelPieces`` (so uneven items still keep every core busy), no more.
func mapsPerItem(_ maps: Int) -> Int {
    max(1, (maps + parallelPieces - 1) / parallelPieces)
}

/// `pointer` seen as `Float` elements, for a kernel call in an op whose `S` is
/// `Float` (the caller checks `S.self == Float.self`).
@inline(__always)
func floatElements<S: SubpixScalar>(_ pointer: UnsafePointer<S>) -> UnsafePointer<Float> {
    UnsafeRawPointer(pointer).assumingMemoryBound(to: Float.self)
}

/// The mutable form of ``floatElements(_:)-(UnsafePointer<S>)``.
@inline(__always)
func floatElements<S: SubpixScalar>(_ pointer: UnsafeMutablePointer<S>) -> UnsafeMutablePointer<Float> {
    UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Float.self)
}
