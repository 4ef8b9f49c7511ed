// Instantiates a kernel body `name##_body` for every path and a public entry
// point `name` that calls the one `subpix_kernel_path()` selects. The body and
// everything it calls are always inlined, so each copy is compiled for its
// path's instruction set.
#ifndef SUBPIX_DISPATCH_H
#define SUBPIX_DISPATCH_H

#include "SubpixKernels.h"

#if defined(__x86_64__)
#define SUBPIX_DISPATCHED(type, name, params, args)                                        \
    static __attribute__((target("avx2,fma"))) type name##_avx2 params { return name##_body args; } \
    static type name##_baseline params { return name##_body args; }                         \
    type name params {                                                                      \
        if (subpix_kernel_path() == SUBPIX_PATH_AVX2_FMA) return name##_avx2 args;          \
        return name##_baseline args;                                                        \
    }
#else
#define SUBPIX_DISPATCHED(type, name, params, args) \
    type name params { return name##_body args; }
#endif

#endif
