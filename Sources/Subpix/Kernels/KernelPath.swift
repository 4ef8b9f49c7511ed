import CSubpixKernels

/// Which compiled version of the float32 kernels runs.
///
/// The hot loops of the float32 ops (`spatial_soft_argmax2d`, the conv
/// soft-argmax window sums) live in a small C target compiled twice: for the
/// portable baseline (SSE2 on x86-64, NEON on arm64) and, on x86-64, for AVX2
/// with FMA. The faster one is chosen at run time when the CPU has the
/// features; setting the environment variable `SUBPIX_KERNELS=baseline`, or
/// ``current`` to ``baseline``, forces the portable one. `Double` tensors run
/// the Swift implementations, which are also the reference the tests compare
/// the kernels against.
///
/// ```swift
/// KernelPath.current            // .avx2FMA on a CPU with AVX2 and FMA
/// KernelPath.current = .baseline
/// ```
public enum KernelPath: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Portable vector code (SSE2 on x86-64, NEON on arm64).
    case baseline
    /// 256-bit AVX2 vectors with fused multiply-add (x86-64 only).
    case avx2FMA = "avx2+fma"

    /// The path in effect. Setting a path the CPU cannot run selects ``baseline``.
    public static var current: KernelPath {
        get { subpix_kernel_path() == SUBPIX_PATH_AVX2_FMA ? .avx2FMA : .baseline }
        set { _ = subpix_set_kernel_path(newValue == .avx2FMA ? SUBPIX_PATH_AVX2_FMA : SUBPIX_PATH_BASELINE) }
    }

    /// The fastest path this CPU can run.
    public static var fastestAvailable: KernelPath { subpix_cpu_has_avx2_fma() != 0 ? .avx2FMA : .baseline }

    public var description: String { rawValue }
}
