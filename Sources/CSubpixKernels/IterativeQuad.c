#include <math.h>
#include <stdint.h>
#include <string.h>

#include "SubpixKernels.h"

// kornia 0.9's iterative_quad_interp3d, per maximum: the Swift `Refiner`
// (Sources/Subpix/Ops/QuadInterp) written out for float32, operation for
// operation in the same order, so that the results are the same bits. Scalar
// code (one small system per maximum), so there is one version for every path;
// contraction into fused multiply-adds is off to keep the Swift roundings.
#pragma clang fp contract(off)

/// The central-difference gradient and Hessian around `c` (strides `p`, `r`).
typedef struct { float gx, gy, gs, dxx, dyy, dss, dxy, dxs, dys; } quadratic_fit;

static inline quadratic_fit fit_at(const float *c, ptrdiff_t p, ptrdiff_t r) {
    float centre = c[0];
    float xp = c[1], xm = c[-1], yp = c[r], ym = c[-r], sp = c[p], sm = c[-p];
    quadratic_fit f;
    f.gx = 0.5f * (xp - xm);
    f.gy = 0.5f * (yp - ym);
    f.gs = 0.5f * (sp - sm);
    f.dxx = xp - 2.0f * centre + xm;
    f.dyy = yp - 2.0f * centre + ym;
    f.dss = sp - 2.0f * centre + sm;
    f.dxy = 0.25f * (c[r + 1] - c[r - 1] - c[-r + 1] + c[-r - 1]);
    f.dxs = 0.25f * (c[p + 1] - c[p - 1] - c[-p + 1] + c[-p - 1]);
    f.dys = 0.25f * (c[p + r] - c[p - r] - c[-p + r] + c[-p - r]);
    return f;
}

/// NaN when either is NaN, else the larger (torch's `amax`).
static inline float nan_max(float a, float b) { return isnan(a) || isnan(b) ? NAN : (a > b ? a : b); }

/// ⌊log₂ m⌋ for a finite m > 0; `fallback` otherwise.
static inline int floor_log2(float m, int fallback) {
    if (!(isfinite(m) && m > 0)) return fallback;
    uint32_t bits;
    memcpy(&bits, &m, sizeof bits);
    int biased = (int)(bits >> 23);
    return biased != 0 ? biased - 127 : ilogbf(m);
}

/// kornia's power-of-two scale of a Cramer system (`Symmetric3x3Solve.unitScale`).
static inline float unit_scale(const quadratic_fit *f, float r0, float r1, float r2) {
    float hessian = nan_max(nan_max(nan_max(fabsf(f->dxx), fabsf(f->dyy)), nan_max(fabsf(f->dss), fabsf(f->dxy))),
                            nan_max(fabsf(f->dxs), fabsf(f->dys)));
    float rhs = nan_max(nan_max(fabsf(r0), fabsf(r1)), fabsf(r2));
    int e = floor_log2(hessian, 0);
    int capped = floor_log2(rhs, INT32_MIN + 64) - 63;
    if (capped > 0) capped = 0;
    if (capped > e) e = capped;
    if (e < -126) e = -126;
    if (e > 126) e = 126;
    uint32_t bits = (uint32_t)(127 - e) << 23;
    float factor;
    memcpy(&factor, &bits, sizeof factor);
    return factor;
}

/// Cramer's rule on `H δ = −g` (`Symmetric3x3Solve.cramer`, eps 1e-7); 0 when not solved.
static inline int cramer(const quadratic_fit *f, float shift[3]) {
    float factor = unit_scale(f, -f->gx, -f->gy, -f->gs);
    float dxx = f->dxx * factor, dyy = f->dyy * factor, dss = f->dss * factor;
    float dxy = f->dxy * factor, dxs = f->dxs * factor, dys = f->dys * factor;
    float r0 = -f->gx * factor, r1 = -f->gy * factor, r2 = -f->gs * factor;
    float cf00 = dyy * dss - dys * dys;
    float cf01 = dxy * dss - dys * dxs;
    float cf02 = dxy * dys - dyy * dxs;
    float det = dxx * cf00 - dxy * cf01 + dxs * cf02;
    float scale = nan_max(nan_max(nan_max(fabsf(dxx), fabsf(dyy)), nan_max(fabsf(dss), fabsf(dxy))),
                          nan_max(fabsf(dxs), fabsf(dys)));
    if (!(fabsf(det) > 1e-7f * scale * scale * scale)) return 0;
    shift[0] = (r0 * cf00 - dxy * (r1 * dss - dys * r2) + dxs * (r1 * dys - dyy * r2)) / det;
    shift[1] = (dxx * (r1 * dss - dys * r2) - r0 * cf01 + dxs * (dxy * r2 - r1 * dxs)) / det;
    shift[2] = (dxx * (dyy * r2 - r1 * dys) - dxy * (dxy * r2 - r1 * dxs) + r0 * cf02) / det;
    return 1;
}

/// One voxel step against a shift beyond `max_shift`; −1 when it leaves `1 ... size − 2`.
static inline ptrdiff_t step(ptrdiff_t index, float shift, float max_shift, ptrdiff_t size) {
    ptrdiff_t next = shift > max_shift ? index + 1 : (shift < -max_shift ? index - 1 : index);
    return next >= 1 && next <= size - 2 ? next : -1;
}

static inline ptrdiff_t clamp_inside(ptrdiff_t index, ptrdiff_t size) {
    return index < 1 ? 1 : (index > size - 2 ? size - 2 : index);
}

/// Whether the map's `mask` has a maximum within `radius` (L∞) of (d, h, w); the
/// maximum the point started from, at (d0, h0, w0), is one (`QuadReach` in Swift).
static int within_reach(const unsigned char *mask, ptrdiff_t radius, ptrdiff_t D, ptrdiff_t H, ptrdiff_t W,
                        ptrdiff_t d0, ptrdiff_t h0, ptrdiff_t w0, ptrdiff_t d, ptrdiff_t h, ptrdiff_t w) {
    if (radius < 0) return 0;
    ptrdiff_t dd = d > d0 ? d - d0 : d0 - d, dh = h > h0 ? h - h0 : h0 - h, dw = w > w0 ? w - w0 : w0 - w;
    if (dd <= radius && dh <= radius && dw <= radius) return 1;
    for (ptrdiff_t k = d - radius < 0 ? 0 : d - radius; k <= d + radius && k < D; k++)
        for (ptrdiff_t i = h - radius < 0 ? 0 : h - radius; i <= h + radius && i < H; i++)
            for (ptrdiff_t j = w - radius < 0 ? 0 : w - radius; j <= w + radius && j < W; j++)
                if (mask[(k * H + i) * W + j]) return 1;
    return 0;
}

int subpix_iterative_quad_f32(
    const subpix_iterative_quad *op, const float *x, const ptrdiff_t *maxima, ptrdiff_t count,
    float *coords, float *values
) {
    const ptrdiff_t D = op->depth, H = op->height, W = op->width, plane = H * W, size = D * plane;
    for (ptrdiff_t item = 0; item < count; item++) {
        ptrdiff_t flat = maxima[item], map = flat / size, local = flat - map * size;
        const float *volume = x + map * size;
        ptrdiff_t d = local / plane, h = local / W % H, w = local % W, d0 = d, h0 = h, w0 = w;
        const unsigned char *mask = op->reach_mask ? op->reach_mask + map * size : NULL;
        float shift[3] = {0, 0, 0}, gradientDotShift = 0;
        int moved = 0, rejected = 0;
        for (ptrdiff_t iteration = 0; iteration < op->iterations; iteration++) {
            ptrdiff_t cd = clamp_inside(d, D), ch = clamp_inside(h, H), cw = clamp_inside(w, W);
            if (mask && !within_reach(mask, op->reach_radius, D, H, W, d0, h0, w0, cd, ch, cw)) { rejected = 1; break; }
            ptrdiff_t at = (cd * H + ch) * W + cw;
            quadratic_fit f = fit_at(volume + at, plane, W);
            if (!cramer(&f, shift)) { rejected = 1; break; }
            gradientDotShift = f.gx * shift[0] + f.gy * shift[1] + f.gs * shift[2];
            ptrdiff_t nd = op->scale_steps ? step(d, shift[2], op->max_shift, D) : d;
            ptrdiff_t nw = step(w, shift[0], op->max_shift, W), nh = step(h, shift[1], op->max_shift, H);
            if (nw < 0 || nh < 0 || nd < 0) { rejected = 1; break; }
            moved = nd != d || nh != h || nw != w;
            d = nd; h = nh; w = nw;
            if (!moved) break;
        }
        if (rejected || moved || !(fabsf(shift[0]) <= 1.5f) || !(fabsf(shift[1]) <= 1.5f) || !(fabsf(shift[2]) <= 1.5f)) continue;
        values[flat] = volume[(d * H + h) * W + w] + 0.5f * gradientDotShift;
        float *out = coords + map * 3 * size + local;
        out[0] = (float)d + shift[2];
        out[size] = (float)w + shift[0];
        out[2 * size] = (float)h + shift[1];
    }
    return 0;
}
