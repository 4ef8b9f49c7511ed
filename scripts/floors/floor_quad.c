// Floors for quad3d_doc, quad3d_large and iquad3d_large: every voxel's grid
// coordinates (d, x, y) and value written; the 3x3x3 maxima found by separable
// window maxima; at each interior maximum the central-difference gradient and
// Hessian, a 3x3 solve (Cramer's rule) and, when the shift stays within 0.7,
// the refined coordinates and value + 10. The iterative workload repeats the fit
// up to 5 times, moving to the neighbour the shift points at. One thread.
#include "floor.h"

typedef struct { float *x, *mask, *a, *b, *coords, *values; int maps, D, H, W; } volume;

static float at(const float *v, int H, int W, int d, int y, int x) { return v[((size_t)d * H + y) * W + x]; }

/// One quadratic fit at (d, y, x): shift and value; returns 0 when the solve fails.
static int fit(const float *v, int H, int W, int d, int y, int x, float s[3], float *value) {
    float c = at(v, H, W, d, y, x);
    float gx = 0.5f * (at(v, H, W, d, y, x + 1) - at(v, H, W, d, y, x - 1));
    float gy = 0.5f * (at(v, H, W, d, y + 1, x) - at(v, H, W, d, y - 1, x));
    float gs = 0.5f * (at(v, H, W, d + 1, y, x) - at(v, H, W, d - 1, y, x));
    float xx = at(v, H, W, d, y, x + 1) - 2 * c + at(v, H, W, d, y, x - 1);
    float yy = at(v, H, W, d, y + 1, x) - 2 * c + at(v, H, W, d, y - 1, x);
    float ss = at(v, H, W, d + 1, y, x) - 2 * c + at(v, H, W, d - 1, y, x);
    float xy = 0.25f * (at(v, H, W, d, y + 1, x + 1) - at(v, H, W, d, y + 1, x - 1) - at(v, H, W, d, y - 1, x + 1) + at(v, H, W, d, y - 1, x - 1));
    float xs = 0.25f * (at(v, H, W, d + 1, y, x + 1) - at(v, H, W, d + 1, y, x - 1) - at(v, H, W, d - 1, y, x + 1) + at(v, H, W, d - 1, y, x - 1));
    float ys = 0.25f * (at(v, H, W, d + 1, y + 1, x) - at(v, H, W, d + 1, y - 1, x) - at(v, H, W, d - 1, y + 1, x) + at(v, H, W, d - 1, y - 1, x));
    float det = xx * (yy * ss - ys * ys) - xy * (xy * ss - ys * xs) + xs * (xy * ys - yy * xs);
    if (det == 0) return 0;
    float r = -1 / det;
    s[0] = r * (gx * (yy * ss - ys * ys) - xy * (gy * ss - ys * gs) + xs * (gy * ys - yy * gs));
    s[1] = r * (xx * (gy * ss - ys * gs) - gx * (xy * ss - ys * xs) + xs * (xy * gs - gy * xs));
    s[2] = r * (xx * (yy * gs - gy * ys) - xy * (xy * gs - gy * xs) + gx * (xy * ys - yy * xs));
    *value = c + 0.5f * (gx * s[0] + gy * s[1] + gs * s[2]);
    return 1;
}

static void quad(volume *v, int iterations) {
    int D = v->D, H = v->H, W = v->W;
    size_t size = (size_t)D * H * W;
    for (int m = 0; m < v->maps; m++) {
        const float *x = v->x + m * size;
        float *cd = v->coords + 3 * m * size, *cx = cd + size, *cy = cx + size, *val = v->values + m * size;
        window3_nms(x, v->mask, v->a, v->b, D, H, W);
        for (int d = 0; d < D; d++) for (int y = 0; y < H; y++) for (int i = 0; i < W; i++) {
            size_t o = ((size_t)d * H + y) * W + i;
            cd[o] = d; cx[o] = i; cy[o] = y; val[o] = x[o];
        }
        for (int d = 1; d < D - 1; d++) for (int y = 1; y < H - 1; y++) for (int i = 1; i < W - 1; i++) {
            size_t o = ((size_t)d * H + y) * W + i;
            if (v->mask[o] == 0) continue;
            int pd = d, py = y, px = i;
            float s[3], value;
            for (int it = 0; it < iterations; it++) {
                if (!fit(x, H, W, pd, py, px, s, &value)) break;
                int mx = s[0] > 0.5f ? 1 : s[0] < -0.5f ? -1 : 0, my = s[1] > 0.5f ? 1 : s[1] < -0.5f ? -1 : 0, ms = s[2] > 0.5f ? 1 : s[2] < -0.5f ? -1 : 0;
                if (it + 1 == iterations || (mx == 0 && my == 0 && ms == 0)) break;
                if (pd + ms < 1 || pd + ms > D - 2 || py + my < 1 || py + my > H - 2 || px + mx < 1 || px + mx > W - 2) break;
                pd += ms; py += my; px += mx;
            }
            if (fabsf(s[0]) > 0.7f || fabsf(s[1]) > 0.7f || fabsf(s[2]) > 0.7f) continue;
            cd[o] = pd + s[2]; cx[o] = px + s[0]; cy[o] = py + s[1]; val[o] = value + 10;
        }
    }
}

static void run(const char *name, int maps, int D, int H, int W, int iterations, int reps) {
    size_t size = (size_t)D * H * W;
    volume v = { noise(maps * size, 5), malloc(size * 4), malloc(size * 4), malloc(size * 4),
                 malloc(3 * maps * size * 4), malloc(maps * size * 4), maps, D, H, W };
    FLOOR(name, reps, (quad(&v, iterations), escape(v.values)), v.coords, v.coords[size + 77]);
}

int main(void) {
    run("quad3d_doc", 20 * 16, 3, 50, 32, 1, 30);
    run("quad3d_large", 1, 5, 512, 512, 1, 20);
    run("iquad3d_large", 1, 5, 512, 512, 5, 20);
}
