#include "Dispatch.h"

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

int subpix_cpu_has_avx512(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return subpix_cpu_has_avx2_fma() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")
        && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw");
#else
    return 0;
#endif
}

/// The widest path, at most `wanted`, that this CPU runs.
static subpix_path runnable(subpix_path wanted) {
    if (wanted >= SUBPIX_PATH_AVX512 && subpix_cpu_has_avx512()) return SUBPIX_PATH_AVX512;
    if (wanted >= SUBPIX_PATH_AVX2_FMA && subpix_cpu_has_avx2_fma()) return SUBPIX_PATH_AVX2_FMA;
    return SUBPIX_PATH_BASELINE;
}

/// -1 until first use, then a `subpix_path`.
static _Atomic int chosen = -1;

static subpix_path initial_path(void) {
    const char *forced = getenv("SUBPIX_KERNELS");
    if (forced != NULL && strcmp(forced, "baseline") == 0) return SUBPIX_PATH_BASELINE;
    if (forced != NULL && (strcmp(forced, "avx2") == 0 || strcmp(forced, "avx2+fma") == 0)) {
        return runnable(SUBPIX_PATH_AVX2_FMA);
    }
    return runnable(SUBPIX_PATH_AVX512);
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
    subpix_path effective = runnable(path);
    atomic_store_explicit(&chosen, (int)effective, memory_order_relaxed);
    return effective;
}
