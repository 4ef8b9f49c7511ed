// Floors for the conv soft-argmax workloads with kornia 0.9's semantics (csa2d_doc,
// csa2d_large, csa2d_pose, csa2d_k3/k7/k15, csa3d_doc; csa2d_dense's is the given
// ../shared/bench/floors/floor_csa2d_window.c): the softmax of each window on its
// own, shifted by the window's maximum, padding as -inf logits, whole-pixel
// offsets. Separable with the online rescale, one pass per axis: along the width,
// per input row and output column, the window's maximum m and the sums of
// e = exp(x/T - m), t*e and e*x (kx exps); along the height, per output, the
// rows' maxima combined into M and each row's sums scaled by exp(m - M) <= 1 (ky
// exps); in 3D the same along the depth (kd exps). Direct window sums (cost linear
// in the kernel side), as floor_csa.c. One thread. Prints `floor csa2d_doc/0.9 ...`
// (named apart from floor_csa.c's). Run with CHECK=1 to compare every workload's
// small twin against a direct per-window double computation.
#include "floor.h"

typedef struct { int n, k, s, p, out; } axis;
static axis make(int n, int k, int s, int p) { axis a = { n, k, s, p, (n + 2 * p - k) / s + 1 }; return a; }

/// Per window along one axis, relative to the window's maximum.
typedef struct { float *m, *s, *tx, *ty, *v; } partial;

/// Scratch kept between the timed runs (a fresh multi-megabyte buffer per run would
/// time the kernel's page faults).
static float *scratch(int slot, size_t count) {
    static float *kept[4];
    static size_t capacity[4];
    if (count > capacity[slot]) { free(kept[slot]); kept[slot] = malloc(sizeof(float) * count); capacity[slot] = count; }
    return kept[slot];
}

static partial take(int slot, int count) {
    float *base = scratch(slot, (size_t)count * 5);
    partial q = { base, base + count, base + 2 * count, base + 3 * count, base + 4 * count };
    return q;
}

static void csa_window(const float *in, int maps, axis d, axis h, axis w, float invT, float *coords, float *vals) {
    int plane = h.n * w.n, size = d.n * plane, outPlane = h.out * w.out, outMap = d.out * outPlane;
    int axes = d.k > 1 || d.n > 1 ? 3 : 2, wp = w.n + 2 * w.p, hp = h.n + 2 * h.p;
    float *lg = scratch(3, (size_t)wp * 2), *vv = lg + wp;
    partial rows = take(0, hp * w.out);         // width windows of one plane's rows, height padding rows included
    partial planes = take(1, d.n * outPlane);   // height windows of every plane (3D)
    float *depthM = scratch(2, (size_t)outPlane * 6), *depthS = depthM + outPlane, *depthX = depthS + outPlane;
    float *depthY = depthX + outPlane, *depthD = depthY + outPlane, *depthV = depthD + outPlane;   // depth windows (3D)
    for (int c = 0; c < w.p; c++) { lg[c] = lg[wp - 1 - c] = -1e30f; vv[c] = vv[wp - 1 - c] = 0; }
    for (int r = 0; r < h.p; r++) for (int o = 0; o < w.out; o++) {
        int top = r * w.out + o, bottom = (hp - 1 - r) * w.out + o;
        rows.m[top] = rows.m[bottom] = -1e30f;
        rows.s[top] = rows.s[bottom] = rows.tx[top] = rows.tx[bottom] = rows.v[top] = rows.v[bottom] = 0;
    }
    for (int map = 0; map < maps; map++) {
        const float *x = in + (size_t)map * size;
        float *out = coords + (size_t)map * axes * outMap, *ov = vals + (size_t)map * outMap;
        for (int z = 0; z < d.n; z++) {
            for (int y = 0; y < h.n; y++) {
                const float *line = x + z * plane + y * w.n;
                for (int c = 0; c < w.n; c++) { lg[w.p + c] = line[c] * invT; vv[w.p + c] = line[c]; }
                int at = (h.p + y) * w.out;
                float *restrict m = rows.m + at, *restrict s = rows.s + at, *restrict t = rows.tx + at, *restrict v = rows.v + at;
                for (int o = 0; o < w.out; o++) { m[o] = lg[o * w.s]; s[o] = 0; t[o] = 0; v[o] = 0; }
                for (int k = 1; k < w.k; k++) for (int o = 0; o < w.out; o++) m[o] = lg[o * w.s + k] > m[o] ? lg[o * w.s + k] : m[o];
                for (int k = 0; k < w.k; k++) {
                    const float *restrict a = lg + k, *restrict b = vv + k;
                    float kf = (float)k;
                    if (w.s == 1) {   // contiguous: vectorised
                        for (int o = 0; o < w.out; o++) { float e = fexp(a[o] - m[o]); s[o] += e; t[o] += kf * e; v[o] += e * b[o]; }
                    } else {
                        for (int o = 0; o < w.out; o++) { float e = fexp(a[o * w.s] - m[o]); s[o] += e; t[o] += kf * e; v[o] += e * b[o * w.s]; }
                    }
                }
            }
            for (int oy = 0; oy < h.out; oy++) {
                int at = z * outPlane + oy * w.out;
                float *restrict m = planes.m + at, *restrict s = planes.s + at, *restrict tx = planes.tx + at;
                float *restrict ty = planes.ty + at, *restrict v = planes.v + at;
                const float *rm = rows.m + oy * h.s * w.out;
                for (int o = 0; o < w.out; o++) { m[o] = rm[o]; s[o] = 0; tx[o] = 0; ty[o] = 0; v[o] = 0; }
                for (int k = 1; k < h.k; k++) for (int o = 0; o < w.out; o++) m[o] = rm[k * w.out + o] > m[o] ? rm[k * w.out + o] : m[o];
                for (int k = 0; k < h.k; k++) {
                    int row = (oy * h.s + k) * w.out;
                    const float *restrict qm = rows.m + row, *restrict qs = rows.s + row, *restrict qt = rows.tx + row, *restrict qv = rows.v + row;
                    float kf = (float)k;
                    for (int o = 0; o < w.out; o++) {
                        float f = fexp(qm[o] - m[o]);
                        s[o] += f * qs[o]; tx[o] += f * qt[o]; ty[o] += kf * f * qs[o]; v[o] += f * qv[o];
                    }
                }
            }
        }
        if (axes == 2) {
            for (int oy = 0; oy < h.out; oy++) for (int o = 0; o < w.out; o++) {
                int at = oy * w.out + o;
                float r = 1.f / planes.s[at];
                out[at] = o * w.s - w.p + planes.tx[at] * r;
                out[outMap + at] = oy * h.s - h.p + planes.ty[at] * r;
                ov[at] = planes.v[at] * r;
            }
            continue;
        }
        for (int od = 0; od < d.out; od++) {
            float *restrict M = depthM, *restrict S = depthS, *restrict TX = depthX, *restrict TY = depthY, *restrict TD = depthD, *restrict V = depthV;
            for (int i = 0; i < outPlane; i++) { M[i] = -1e30f; S[i] = 0; TX[i] = 0; TY[i] = 0; TD[i] = 0; V[i] = 0; }
            for (int k = 0; k < d.k; k++) {
                int z = od * d.s - d.p + k;
                if (z < 0 || z >= d.n) continue;
                for (int i = 0; i < outPlane; i++) M[i] = planes.m[z * outPlane + i] > M[i] ? planes.m[z * outPlane + i] : M[i];
            }
            for (int k = 0; k < d.k; k++) {
                int z = od * d.s - d.p + k;
                if (z < 0 || z >= d.n) continue;
                const float *restrict qm = planes.m + z * outPlane, *restrict qs = planes.s + z * outPlane, *restrict qx = planes.tx + z * outPlane;
                const float *restrict qy = planes.ty + z * outPlane, *restrict qv = planes.v + z * outPlane;
                float kf = (float)k;
                for (int i = 0; i < outPlane; i++) {
                    float f = fexp(qm[i] - M[i]);
                    S[i] += f * qs[i]; TX[i] += f * qx[i]; TY[i] += f * qy[i]; TD[i] += kf * f * qs[i]; V[i] += f * qv[i];
                }
            }
            for (int i = 0; i < outPlane; i++) {
                int oy = i / w.out, o = i % w.out, at = od * outPlane + i;
                float r = 1.f / S[i];
                out[at] = od * d.s - d.p + TD[i] * r;
                out[outMap + at] = o * w.s - w.p + TX[i] * r;
                out[2 * outMap + at] = oy * h.s - h.p + TY[i] * r;
                ov[at] = V[i] * r;
            }
        }
    }
}

/// The largest difference between `csa_window` and each window's softmax taken
/// directly in double, on one noise map of the workload's geometry (smaller maps).
static double check(axis d, axis h, axis w, float invT) {
    int size = d.n * h.n * w.n, outMap = d.out * h.out * w.out, axes = d.k > 1 || d.n > 1 ? 3 : 2;
    float *x = noise((size_t)size, 9), *coords = malloc(sizeof(float) * axes * outMap), *vals = malloc(sizeof(float) * outMap);
    csa_window(x, 1, d, h, w, invT, coords, vals);
    double worst = 0;
    for (int od = 0; od < d.out; od++) for (int oy = 0; oy < h.out; oy++) for (int ox = 0; ox < w.out; ox++) {
        double m = -INFINITY, s = 0, sd = 0, sx = 0, sy = 0, sv = 0;
        for (int pass = 0; pass < 2; pass++)
            for (int a = 0; a < d.k; a++) for (int b = 0; b < h.k; b++) for (int c = 0; c < w.k; c++) {
                int z = od * d.s - d.p + a, y = oy * h.s - h.p + b, xx = ox * w.s - w.p + c;
                if (z < 0 || z >= d.n || y < 0 || y >= h.n || xx < 0 || xx >= w.n) continue;
                double value = x[(z * h.n + y) * w.n + xx], logit = value * invT;
                if (pass == 0) { m = logit > m ? logit : m; continue; }
                double e = exp(logit - m);
                s += e; sd += e * z; sx += e * xx; sy += e * y; sv += e * value;
            }
        int at = (od * h.out + oy) * w.out + ox;
        double want[4] = { sx / s, sy / s, sd / s, sv / s };
        float got[4] = { coords[(axes == 3 ? outMap : 0) + at], coords[(axes == 3 ? 2 : 1) * outMap + at], axes == 3 ? coords[at] : 0, vals[at] };
        for (int i = 0; i < 4; i++) if (i != 2 || axes == 3) worst = fmax(worst, fabs(got[i] - want[i]));
    }
    free(x); free(coords); free(vals);
    return worst;
}

static void run(const char *name, int maps, axis d, axis h, axis w, int reps) {
    if (getenv("CHECK")) {
        axis cd = make(d.n, d.k, d.s, d.p), ch = make(h.n > 40 ? 40 : h.n, h.k, h.s, h.p), cw = make(w.n > 40 ? 40 : w.n, w.k, w.s, w.p);
        printf("check %s: largest difference from the direct softmax %.2e (T = 1), %.2e (T = 0.05)\n",
               name, check(cd, ch, cw, 1), check(cd, ch, cw, 20));
        return;
    }
    int axes = d.k > 1 || d.n > 1 ? 3 : 2, outMap = d.out * h.out * w.out;
    float *x = noise((size_t)maps * d.n * h.n * w.n, 1);
    float *coords = malloc(sizeof(float) * maps * axes * outMap), *vals = malloc(sizeof(float) * maps * outMap);
    char label[64];   // named apart from floor_csa.c's kornia 0.7.4 floors of the same workloads
    snprintf(label, sizeof label, "%s/0.9", name);
    FLOOR(label, reps, (csa_window(x, maps, d, h, w, 1, coords, vals), escape(vals)), coords, coords[7]);
    free(x); free(coords); free(vals);
}

static void run2d(const char *name, int maps, int H, int W, int k, int s, int p, int reps) {
    run(name, maps, make(1, 1, 1, 0), make(H, k, s, p), make(W, k, s, p), reps);
}

int main(void) {
    FLOOR_CSA2D_WORKLOADS(run2d);
    run("csa3d_doc", 20 * 16, make(3, 3, 1, 0), make(50, 3, 2, 1), make(32, 3, 2, 1), 30);
}
