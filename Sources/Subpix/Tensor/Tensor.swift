/// An n-dimensional, contiguous, row-major array.
///
/// `Tensor<Float>` and `Tensor<Double>` carry heatmaps, coordinates and values;
/// `Tensor<Bool>` (``Mask``) carries NMS results. Storage is a Swift array, so
/// copies are cheap until written (copy-on-write) and ``reshaped(_:)`` shares
/// the elements of the tensor it came from.
///
/// ```swift
/// let x = try Tensor<Float>(shape: [1, 1, 2, 2], elements: [0, 1, 2, 3])
/// x[0, 0, 1, 0]   // 2.0
/// ```
public struct Tensor<Element: Sendable>: Sendable {
    /// The size of each axis, outermost first.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `elements.count == shape.product`.
    public private(set) var elements: [Element]

    /// Wraps `elements` in a tensor of `shape`.
    ///
    /// - Throws: ``SubpixError`` when the shape has a negative axis or its
    ///   product differs from `elements.count`.
    public init(shape: [Int], elements: [Element]) throws {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw SubpixError("tensor", "expected non-negative axis sizes, got \(formatShape(shape))")
        }
        guard let count = Self.elementCount(shape), count == elements.count else {
            throw SubpixError(
                "tensor", "shape \(formatShape(shape)) needs \(Self.elementCount(shape).map(String.init) ?? "too many") elements, got \(elements.count)")
        }
        self.shape = shape
        self.elements = elements
    }

    /// A tensor of `shape` with every element equal to `value`.
    ///
    /// The caller guarantees a valid shape (non-negative axes whose product fits in memory).
    public init(shape: [Int], repeating value: Element) {
        self.shape = shape
        self.elements = Array(repeating: value, count: shape.reduce(1, *))
    }

    /// Builds a tensor of a shape the caller has already validated, taking the
    /// elements from a closure that fills an uninitialised buffer.
    public init(
        validShape shape: [Int],
        initializingWith body: (inout UnsafeMutableBufferPointer<Element>) throws -> Void
    ) rethrows {
        let count = shape.reduce(1, *)
        self.shape = shape
        self.elements = try Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            try body(&buffer)
            initialized = count
        }
    }

    /// Number of axes.
    public var rank: Int { shape.count }

    /// Number of elements.
    public var count: Int { elements.count }

    /// Row-major strides, in elements.
    public var strides: [Int] {
        var result = Array(repeating: 1, count: shape.count)
        var step = 1
        for axis in shape.indices.reversed() {
            result[axis] = step
            step *= shape[axis]
        }
        return result
    }

    /// The element at a full multi-index. Indices must be in range.
    public subscript(indices: Int...) -> Element {
        get { elements[flatIndex(indices)] }
        set { elements[flatIndex(indices)] = newValue }
    }

    /// The same elements seen with another shape (no copy).
    ///
    /// - Throws: ``SubpixError`` when the element counts differ.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        try Tensor(shape: newShape, elements: elements)
    }

    /// The tensor with each element transformed.
    public func map<T: Sendable>(_ transform: (Element) throws -> T) rethrows -> Tensor<T> {
        Tensor<T>(uncheckedShape: shape, elements: try elements.map(transform))
    }

    /// Calls `body` with the elements as a contiguous buffer.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try elements.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the elements as a contiguous mutable buffer.
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Element>) throws -> R
    ) rethrows -> R {
        try elements.withUnsafeMutableBufferPointer(body)
    }

    /// The product of `shape`, or `nil` when an axis is negative or the product overflows.
    public static func elementCount(_ shape: [Int]) -> Int? {
        var product = 1
        for size in shape {
            guard size >= 0 else { return nil }
            let (next, overflow) = product.multipliedReportingOverflow(by: size)
            if overflow { return nil }
            product = next
        }
        return product
    }

    init(uncheckedShape shape: [Int], elements: [Element]) {
        self.shape = shape
        self.elements = elements
    }

    private func flatIndex(_ indices: [Int]) -> Int {
        precondition(indices.count == shape.count, "index rank \(indices.count) differs from tensor rank \(shape.count)")
        var flat = 0
        for (axis, index) in indices.enumerated() {
            precondition(index >= 0 && index < shape[axis], "index \(index) out of range for axis \(axis) of size \(shape[axis])")
            flat = flat * shape[axis] + index
        }
        return flat
    }
}

extension Tensor: Equatable where Element: Equatable {}

/// A boolean tensor, as returned by `nms2d(..., maskOnly: true)`.
public typealias Mask = Tensor<Bool>
