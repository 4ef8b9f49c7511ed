// Instantiates a kernel body `name##_body` for every path and a public entry
// point `name` that calls the one `subpix_kernel_path()` selects. The body and
// everything it calls are always inlined, so each copy is compiled for its
// path's instruction set (the lanes of `v8f` / `v16f` map onto that path's
// registers).
#ifndef SUBPIX_DISPATCH_H
#define SUBPIX_DISPATCH_H

#include "SubpixKernels.h"

#if defined(__x86_64__)
/// The AVX-512 subsets the AVX-512 path is compiled for (and checked at run time).
#define SUBPIX_AVX512_TARGET "avx512f,avx512vl,avx512dq,avx512bw,avx2,fma"

#define SUBPIX_DISPATCHED(type, name, params, args)                                            \
    static __attribute__((target(SUBPIX_AVX512_TARGET))) type name##_avx512 params { return name##_body args; } \
    static __attribute__((target("avx2,fma"))) type name##_avx2 params { return name##_body args; } \
    static type name##_baseline params { return name##_body args; }                             \
    type name params {                                                                          \
        switch (subpix_kernel_path()) {                                                         \
        case SUBPIX_PATH_AVX512: return name##_avx512 args;                                     \
        case SUBPIX_PATH_AVX2_FMA: return name##_avx2 args;                                     \
        default: return name##_baseline args;                                                   \
        }                                                                                       \
    }
#else
#define SUBPIX_DISPATCHED(type, name, params, args) \
    type name params { return name##_body args; }
#endif

#endif
