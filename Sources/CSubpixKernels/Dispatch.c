#include "SubpixKernels.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

int subpix_cpu_has_avx2_fma(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

/// -1 until first use, then a `subpix_path`.
static _Atomic int chosen = -1;

static subpix_path initial_path(void) {
    const char *forced = getenv("SUBPIX_KERNELS");
    if (forced != NULL && strcmp(forced, "baseline") == 0) return SUBPIX_PATH_BASELINE;
    return subpix_cpu_has_avx2_fma() ? SUBPIX_PATH_AVX2_FMA : SUBPIX_PATH_BASELINE;
}

subpix_path subpix_kernel_path(void) {
    int path = atomic_load_explicit(&chosen, memory_order_relaxed);
    if (path < 0) {
        path = (int)initial_path();
        atomic_store_explicit(&chosen, path, memory_order_relaxed);
    }
    return (subpix_path)path;
}

subpix_path subpix_set_kernel_path(subpix_path path) {
    subpix_path effective = path == SUBPIX_PATH_AVX2_FMA && subpix_cpu_has_avx2_fma()
        ? SUBPIX_PATH_AVX2_FMA : SUBPIX_PATH_BASELINE;
    atomic_store_explicit(&chosen, (int)effective, memory_order_relaxed);
    return effective;
}
