import CSubpixKernels

/// Which compiled version of the float32 kernels runs.
///
/// The hot loops of the float32 ops (`spatial_soft_argmax2d`, the conv
/// soft-argmax window sums, `render_gaussian2d`) live in a small C target whose
/// kernels are each written once and compiled for every path: the portable
/// baseline (SSE2 on x86-64, NEON on arm64) and, on x86-64, AVX2 with FMA and
/// AVX-512. The widest path the CPU runs is chosen at run time; the environment
/// variable `SUBPIX_KERNELS=baseline` or `SUBPIX_KERNELS=avx2`, or setting
/// ``current``, forces a narrower one. `Double` tensors run the Swift
/// implementations, which are also the reference the tests compare the kernels
/// against.
///
/// ```swift
/// KernelPath.current            // .avx512 on a CPU with AVX-512
/// KernelPath.current = .baseline
/// ```
public enum KernelPath: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Portable vector code (SSE2 on x86-64, NEON on arm64).
    case baseline
    /// 256-bit AVX2 vectors with fused multiply-add (x86-64 only).
    case avx2FMA = "avx2+fma"
    /// 512-bit AVX-512 vectors (F, VL, DQ, BW; x86-64 only).
    case avx512

    /// The path in effect. Setting a path the CPU cannot run selects the widest
    /// narrower one it can.
    public static var current: KernelPath {
        get { KernelPath(subpix_kernel_path()) }
        set { _ = subpix_set_kernel_path(newValue.cPath) }
    }

    /// The fastest path this CPU can run.
    public static var fastestAvailable: KernelPath {
        subpix_cpu_has_avx512() != 0 ? .avx512 : subpix_cpu_has_avx2_fma() != 0 ? .avx2FMA : .baseline
    }

    public var description: String { rawValue }

    private init(_ path: subpix_path) {
        switch path {
        case SUBPIX_PATH_AVX512: self = .avx512
        case SUBPIX_PATH_AVX2_FMA: self = .avx2FMA
        default: self = .baseline
        }
    }

    private var cPath: subpix_path {
        switch self {
        case .baseline: SUBPIX_PATH_BASELINE
        case .avx2FMA: SUBPIX_PATH_AVX2_FMA
        case .avx512: SUBPIX_PATH_AVX512
        }
    }
}
