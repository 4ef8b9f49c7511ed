import CSubpixKernels

/// Keeps freed heap memory warm between op calls: a process-wide setting for
/// programs that call ops in a loop (the `subpix` command sets it at start).
///
/// An op's outputs are fresh tensors. With glibc's defaults, memory freed at the
/// top of the heap beyond a threshold that adapts to past frees goes back to the
/// kernel, and large requests get fresh `mmap`'d pages, so a loop of calls can
/// page-fault its outputs in afresh on every call. Measured here on
/// `csa2d_dense_vjp` run alone (2 threads): about 2000 page faults a call and
/// 4.2 ms, against none and 1.4 ms once this is set. Whether a loop hits that
/// depends on what the process freed before it, which is what makes it a trap.
///
/// ```swift
/// HeapTuning.keepFreedMemoryWarm()   // once, at the start of the program
/// ```
///
/// The process then keeps up to ``keptBytes`` of freed memory for reuse, and
/// requests under ``heapRequestLimit`` come from the heap; larger ones (a map
/// of tens of MB) are still mapped and returned as a whole.
public enum HeapTuning {
    /// Freed memory kept at the top of the heap instead of being returned (64 MiB).
    public static let keptBytes = 64 << 20

    /// Requests at least this large get their own mapping (32 MiB, glibc's upper bound).
    public static let heapRequestLimit = 32 << 20

    /// Applies the settings; returns `false` where the C library is not glibc
    /// or refused them (nothing changes then).
    @discardableResult
    public static func keepFreedMemoryWarm() -> Bool {
        subpix_heap_keep_warm(keptBytes, heapRequestLimit) == 1
    }
}
