// Subnormal floats: x86 computes a result below 2^-126 in microcode, many
// times slower than a normal one. A kernel whose outputs are mostly such
// results (the tails of Gaussians multiplied together) flushes them to zero
// while it runs and restores the caller's mode afterwards. The mode register is
// per thread. Elsewhere (arm64) subnormals are handled at full speed and this
// does nothing.
#ifndef SUBPIX_FLOAT_MODE_H
#define SUBPIX_FLOAT_MODE_H

#if defined(__x86_64__)
#include <xmmintrin.h>
typedef unsigned int subpix_float_mode;

/// Sets flush-to-zero (results below 2^-126 become ±0; inputs are unchanged)
/// and returns the previous mode.
static inline subpix_float_mode subpix_flush_subnormal_results(void) {
    subpix_float_mode previous = _mm_getcsr();
    _mm_setcsr(previous | _MM_FLUSH_ZERO_ON);
    return previous;
}

static inline void subpix_restore_float_mode(subpix_float_mode mode) { _mm_setcsr(mode); }
#else
typedef int subpix_float_mode;
static inline subpix_float_mode subpix_flush_subnormal_results(void) { return 0; }
static inline void subpix_restore_float_mode(subpix_float_mode mode) { (void)mode; }
#endif

#endif
