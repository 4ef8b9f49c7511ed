// Floors for quad3d_doc, quad3d_large and iquad3d_large: every voxel's grid
// coordinates (d, x, y) and value written; the strict 3x3x3 maxima (floor.h's
// window3_nms); at each maximum the central-difference gradient and Hessian and
// a 3x3 solve by Cramer's rule (|det| > 1e-7 max|H|^3, as iterative_quad_interp3d;
// conv_quad_interp3d solves by pivoted LU, which costs about the same), then
// conv_quad_interp3d's rule (a shift beyond 0.7 dropped, value + 10) or
// iterative_quad_interp3d's (up to 5 fits, stepping to the neighbour a shift
// beyond 0.6 points at; rejected when not solved, stepping onto the border, not
// converged, or a shift beyond 1.5). One thread.
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
    float m = fmaxf(fmaxf(fmaxf(fabsf(xx), fabsf(yy)), fmaxf(fabsf(ss), fabsf(xy))), fmaxf(fabsf(xs), fabsf(ys)));
    if (!(fabsf(det) > 1e-7f * m * m * m)) return 0;
    float r = -1 / det;
    s[0] = r * (gx * (yy * ss - ys * ys) - xy * (gy * ss - ys * gs) + xs * (gy * ys - yy * gs));
    s[1] = r * (xx * (gy * ss - ys * gs) - gx * (xy * ss - ys * xs) + xs * (xy * gs - gy * xs));
    s[2] = r * (xx * (yy * gs - gy * ys) - xy * (xy * gs - gy * xs) + gx * (xy * ys - yy * xs));
    *value = c + 0.5f * (gx * s[0] + gy * s[1] + gs * s[2]);
    return 1;
}

/// iterative_quad_interp3d's loop from (d, y, x): fit, step one voxel along each axis whose
/// shift exceeds 0.6, until the centre stays put; rejected (returns 0) when a system is not
/// solved, a step reaches the outermost voxels, the centre still moves after `iterations`
/// fits, or a final shift exceeds 1.5.
static int iterate(const float *x, int D, int H, int W, int iterations, int *pd, int *py, int *px, float s[3], float *value) {
    for (int it = 0; it < iterations; it++) {
        if (!fit(x, H, W, *pd, *py, *px, s, value)) return 0;
        int mx = s[0] > 0.6f ? 1 : s[0] < -0.6f ? -1 : 0, my = s[1] > 0.6f ? 1 : s[1] < -0.6f ? -1 : 0, ms = s[2] > 0.6f ? 1 : s[2] < -0.6f ? -1 : 0;
        if (mx == 0 && my == 0 && ms == 0) return fabsf(s[0]) <= 1.5f && fabsf(s[1]) <= 1.5f && fabsf(s[2]) <= 1.5f;
        *pd += ms; *py += my; *px += mx;
        if (*pd < 1 || *pd > D - 2 || *py < 1 || *py > H - 2 || *px < 1 || *px > W - 2) return 0;
    }
    return 0;
}

/// iterations 0: conv_quad_interp3d (one fit; a shift beyond 0.7 is dropped, the value still
/// gets the bonus 10). Otherwise iterative_quad_interp3d with that many iterations (no bonus).
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
            if (iterations == 0) {
                if (!fit(x, H, W, d, y, i, s, &value)) continue;
                if (fabsf(s[0]) > 0.7f || fabsf(s[1]) > 0.7f || fabsf(s[2]) > 0.7f) { s[0] = s[1] = s[2] = 0; value = x[o]; }
                value += 10;
            } else if (!iterate(x, D, H, W, iterations, &pd, &py, &px, s, &value)) {
                continue;
            }
            cd[o] = pd + s[2]; cx[o] = px + s[0]; cy[o] = py + s[1]; val[o] = value;
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
    run("quad3d_doc", 20 * 16, 3, 50, 32, 0, 30);
    run("quad3d_large", 1, 5, 512, 512, 0, 20);
    run("iquad3d_large", 1, 5, 512, 512, 5, 20);
}
