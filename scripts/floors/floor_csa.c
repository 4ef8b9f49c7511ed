// Floors for the conv soft-argmax workloads (csa2d_doc, csa2d_large, csa2d_pose,
// csa2d_k3/k7/k15, csa3d_doc): per map one max pass, exp once per element (and
// e*x for values), the depth window's planes added, then separable direct window
// sums (height taps per column, width taps per output) of e, t*e and e*x, and
// the coordinates (x, y[, d]) and value written. One thread.
#include "floor.h"

typedef struct { int n, k, s, p, out; } axis;
static axis make(int n, int k, int s, int p) { axis a = { n, k, s, p, (n + 2 * p - k) / s + 1 }; return a; }

static void csa(const float *in, int maps, axis d, axis h, axis w, int values, float *coords, float *vals) {
    int plane = h.n * w.n, size = d.n * plane, outMap = d.out * h.out * w.out;
    int axes = d.k > 1 || d.n > 1 ? 3 : 2;
    float *e = malloc(sizeof(float) * size), *v = malloc(sizeof(float) * size);
    float *de = malloc(sizeof(float) * plane), *dt = malloc(sizeof(float) * plane), *dv = malloc(sizeof(float) * plane);
    int wp = w.n + 2 * w.p;   // column sums zero-padded, so the width loops have no branches
    float *cs = calloc((size_t)wp * 4, sizeof(float)), *sums = malloc(sizeof(float) * w.out * 5);
    float *ce = cs + w.p, *cy = cs + wp + w.p, *cd = cs + 2 * wp + w.p, *cv = cs + 3 * wp + w.p;
    float *S = sums, *SX = sums + w.out, *SY = sums + 2 * w.out, *SD = sums + 3 * w.out, *SV = sums + 4 * w.out;
    for (int m = 0; m < maps; m++) {
        const float *x = in + (size_t)m * size;
        float mx = -INFINITY;
        for (int i = 0; i < size; i++) mx = x[i] > mx ? x[i] : mx;
        for (int i = 0; i < size; i++) { e[i] = fexp(x[i] - mx); v[i] = e[i] * x[i]; }
        float *out = coords + (size_t)m * axes * outMap, *ov = vals + (size_t)m * outMap;
        for (int od = 0; od < d.out; od++) {
            const float *pe = e, *pv = v;
            if (axes == 3) {
                memset(de, 0, sizeof(float) * plane); memset(dt, 0, sizeof(float) * plane); memset(dv, 0, sizeof(float) * plane);
                for (int t = 0; t < d.k; t++) {
                    int z = od * d.s - d.p + t;
                    if (z < 0 || z >= d.n) continue;
                    for (int i = 0; i < plane; i++) { de[i] += e[z * plane + i]; dt[i] += t * e[z * plane + i]; dv[i] += v[z * plane + i]; }
                }
                pe = de; pv = dv;
            }
            for (int oy = 0; oy < h.out; oy++) {
                for (int c = 0; c < w.n; c++) { ce[c] = 0; cy[c] = 0; cd[c] = 0; cv[c] = 0; }
                for (int t = 0; t < h.k; t++) {
                    int y = oy * h.s - h.p + t;
                    if (y < 0 || y >= h.n) continue;
                    const float *re = pe + y * w.n, *rv = pv + y * w.n, *rt = dt + y * w.n;
                    for (int c = 0; c < w.n; c++) { ce[c] += re[c]; cy[c] += t * re[c]; if (values) cv[c] += rv[c]; }
                    if (axes == 3) for (int c = 0; c < w.n; c++) cd[c] += rt[c];
                }
                memset(sums, 0, sizeof(float) * w.out * 5);
                for (int t = 0; t < w.k; t++) {
                    const float *te = ce - w.p + t, *ty = cy - w.p + t, *td = cd - w.p + t, *tv = cv - w.p + t;
                    for (int ox = 0; ox < w.out; ox++) {
                        int c = ox * w.s;
                        S[ox] += te[c]; SX[ox] += t * te[c]; SY[ox] += ty[c]; SD[ox] += td[c]; SV[ox] += tv[c];
                    }
                }
                float *o0 = out + (axes == 3 ? outMap : 0) + (od * h.out + oy) * w.out;
                float *o1 = o0 + outMap, *o2 = out + (od * h.out + oy) * w.out, *o3 = ov + (od * h.out + oy) * w.out;
                for (int ox = 0; ox < w.out; ox++) {
                    float r = 1.f / (S[ox] + 1e-8f);
                    o0[ox] = ox * w.s + (SX[ox] * 2.f / (w.k - 1) - S[ox]) * r;
                    o1[ox] = oy * h.s + (SY[ox] * 2.f / (h.k - 1) - S[ox]) * r;
                    if (axes == 3) o2[ox] = od * d.s + (SD[ox] * 2.f / (d.k - 1) - S[ox]) * r;
                    if (values) o3[ox] = SV[ox] * r;
                }
            }
        }
    }
    free(sums);
    free(e); free(v); free(de); free(dt); free(dv); free(cs);
}

static void run2d(const char *name, int maps, int H, int W, int k, int s, int p, int reps) {
    float *x = noise((size_t)maps * H * W, 1);
    axis d = make(1, 1, 1, 0), h = make(H, k, s, p), w = make(W, k, s, p);
    float *coords = malloc(sizeof(float) * maps * 2 * h.out * w.out), *vals = malloc(sizeof(float) * maps * h.out * w.out);
    FLOOR(name, reps, (csa(x, maps, d, h, w, 1, coords, vals), escape(vals)), coords, coords[7]);
    free(x); free(coords); free(vals);
}

int main(void) {
    FLOOR_CSA2D_WORKLOADS(run2d);
    int maps = 20 * 16;
    float *x = noise((size_t)maps * 3 * 50 * 32, 2);
    axis d = make(3, 3, 1, 0), h = make(50, 3, 2, 1), w = make(32, 3, 2, 1);
    float *coords = malloc(sizeof(float) * maps * 3 * h.out * w.out), *vals = malloc(sizeof(float) * maps * h.out * w.out);
    FLOOR("csa3d_doc", 30, (csa(x, maps, d, h, w, 1, coords, vals), escape(vals)), coords, coords[7]);
}
