// Seeded, deterministic inputs for kernel_check.c and the one output format it
// writes: the same bits on every machine (integer arithmetic only, plus
// IEEE-exact float operations), so x86-64 and aarch64 runs see the same inputs.
#ifndef SUBPIX_ARM64_INPUTS_H
#define SUBPIX_ARM64_INPUTS_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// A splitmix64 stream.
typedef struct { uint64_t state; } rng;

static uint64_t next_bits(rng *r) {
    uint64_t z = (r->state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/// Uniform in [lo, hi): 24 random bits scaled (exact), then one multiply-add
/// written as two roundings so no compiler may fuse it.
static float uniform(rng *r, float lo, float hi) {
    volatile float unit = (float)(next_bits(r) >> 40) * 0x1p-24f;
    volatile float spread = unit * (hi - lo);
    return lo + spread;
}

/// Noise in [-3, 3).
static void fill_noise(rng *r, float *x, size_t count) {
    for (size_t i = 0; i < count; i++) x[i] = uniform(r, -3, 3);
}

/// The strict-maxima tests' values: small integers (many ties) with NaN, ±∞
/// and −0 sprinkled in.
static void fill_awkward(rng *r, float *x, size_t count) {
    for (size_t i = 0; i < count; i++) {
        switch (next_bits(r) % 97) {
        case 0: x[i] = NAN; break;
        case 1: x[i] = INFINITY; break;
        case 2: x[i] = -INFINITY; break;
        case 3: x[i] = -0.0f; break;
        default: x[i] = (float)((int)(next_bits(r) % 9) - 4);
        }
    }
}

/// The largest value, NaN when any is NaN (what the Swift callers pass as `peak`).
static float peak_of(const float *x, size_t count) {
    float best = -INFINITY;
    for (size_t i = 0; i < count; i++) {
        if (isnan(x[i])) return x[i];
        if (x[i] > best) best = x[i];
    }
    return best;
}

/// Writes `count` floats under a heading `= label count`, then one line of
/// hex bits per value.
static void emit(const char *label, const float *values, size_t count) {
    printf("= %s %zu\n", label, count);
    for (size_t i = 0; i < count; i++) {
        uint32_t bits;
        memcpy(&bits, &values[i], sizeof bits);
        printf("%08x\n", bits);
    }
}

/// Writes bytes (masks) the same way, each as the float of its value.
static void emit_bytes(const char *label, const unsigned char *values, size_t count) {
    float *floats = malloc(count * sizeof(float));
    for (size_t i = 0; i < count; i++) floats[i] = values[i];
    emit(label, floats, count);
    free(floats);
}

#endif
