// Floors for the gradient workloads, forward + backward with a seeded cotangent,
// one thread, nothing allocated while timed:
//
// ssa2d_pose_vjp: spatial_soft_argmax2d (T = 1) over 32 * 17 maps of 64 x 48 and
// its input gradient p · (gx · (x − X) + gy · (y − Y)). Per map: a max pass; one
// exp pass that keeps e in the gradient buffer and sums e, e·x, e·y (the forward);
// one pass scaling e in place by the cotangent's linear form (the backward).
//
// csa2d_dense_vjp: conv_soft_argmax2d (3, 3), stride 1, padding 1, normalised
// coordinates, values, over 20 * 16 maps of 50 x 32, and its input gradient.
// The forward as floor_csa2d.c (exp once, separable 3 x 3 sums of e, e·x and
// the tap-weighted e, coordinates and values), keeping e and every window's
// sums; the backward turns each window's cotangents into α_x, α_y, γ, ρ (see
// SubpixKernels.h) and sums them back over the 3 x 3 windows of each pixel,
// separably: with kornia's offsets −1, 0, 1 the x term of pixel (i, j) is
// Σ_rows (α_x[j − 1] − α_x[j + 1]), and likewise along y.
#include "floor.h"

#define SN (32 * 17)
#define SH 64
#define SW 48

static void ssa2d_vjp(const float *x, const float *cotangent, float *coords, float *gradient) {
    float xs[SW], ys[SH];
    for (int j = 0; j < SW; j++) xs[j] = 2.f * j / (SW - 1) - 1;
    for (int i = 0; i < SH; i++) ys[i] = 2.f * i / (SH - 1) - 1;
    for (int n = 0; n < SN; n++) {
        const float *m = x + (size_t)n * SH * SW;
        float *g = gradient + (size_t)n * SH * SW;
        float mx = -INFINITY;
        for (int i = 0; i < SH * SW; i++) mx = m[i] > mx ? m[i] : mx;
        float s = 0, sx = 0, sy = 0;
        for (int i = 0; i < SH; i++) {
            float rowMass = 0;
            for (int j = 0; j < SW; j++) { float e = fexp(m[i * SW + j] - mx); g[i * SW + j] = e; rowMass += e; sx += e * xs[j]; }
            s += rowMass;
            sy += rowMass * ys[i];
        }
        float X = sx / s, Y = sy / s, gx = cotangent[2 * n] / s, gy = cotangent[2 * n + 1] / s;
        coords[2 * n] = X;
        coords[2 * n + 1] = Y;
        for (int i = 0; i < SH; i++) {
            float row = gy * (ys[i] - Y) - gx * X;
            for (int j = 0; j < SW; j++) g[i * SW + j] *= gx * xs[j] + row;
        }
    }
}

#define CN 320
#define CH 50
#define CW 32

/// Scratch of one map, padded by one cell (index [y + 1][x + 1]).
static float e[CH + 2][CW + 2], ex[CH + 2][CW + 2], row[3][CH + 2][CW];
static float S[CH][CW], Sx[CH][CW], Sy[CH][CW], V[CH][CW];
static float ax[CH + 2][CW + 2], ay[CH + 2][CW + 2], rho[CH + 2][CW + 2], gam[CH + 2][CW + 2];

static void csa2d_vjp(const float *x, const float *gc, const float *gv, float *coords, float *values, float *gradient) {
    const float fx = 2.f / (CW - 1), fy = 2.f / (CH - 1), eps = 1e-8f;
    for (int n = 0; n < CN; n++) {
        const float *m = x + (size_t)n * CH * CW;
        const float *gcx = gc + (size_t)n * 2 * CH * CW, *gcy = gcx + CH * CW, *gvn = gv + (size_t)n * CH * CW;
        float *cx = coords + (size_t)n * 2 * CH * CW, *cy = cx + CH * CW, *v = values + (size_t)n * CH * CW;
        float *g = gradient + (size_t)n * CH * CW;
        float mx = -INFINITY;
        for (int i = 0; i < CH * CW; i++) mx = m[i] > mx ? m[i] : mx;
        // Forward: e and e·x, row sums of e, e·x and the x tap, then columns.
        for (int y = 0; y < CH; y++) for (int c = 0; c < CW; c++) {
            float t = fexp(m[y * CW + c] - mx);
            e[y + 1][c + 1] = t;
            ex[y + 1][c + 1] = t * m[y * CW + c];
        }
        for (int y = 0; y < CH + 2; y++) for (int c = 0; c < CW; c++) {
            row[0][y][c] = e[y][c] + e[y][c + 1] + e[y][c + 2];
            row[1][y][c] = e[y][c + 2] - e[y][c];
            row[2][y][c] = ex[y][c] + ex[y][c + 1] + ex[y][c + 2];
        }
        for (int y = 0; y < CH; y++) for (int c = 0; c < CW; c++) {
            S[y][c] = row[0][y][c] + row[0][y + 1][c] + row[0][y + 2][c];
            Sx[y][c] = row[1][y][c] + row[1][y + 1][c] + row[1][y + 2][c];
            Sy[y][c] = row[0][y + 2][c] - row[0][y][c];
            V[y][c] = row[2][y][c] + row[2][y + 1][c] + row[2][y + 2][c];
            float r = 1.f / (S[y][c] + eps);
            cx[y * CW + c] = (c + Sx[y][c] * r) * fx - 1;
            cy[y * CW + c] = (y + Sy[y][c] * r) * fy - 1;
            v[y * CW + c] = V[y][c] * r;
        }
        // Backward: per window α_x, α_y, γ, ρ, then summed over each pixel's windows.
        for (int y = 0; y < CH; y++) for (int c = 0; c < CW; c++) {
            float r = 1.f / (S[y][c] + eps);
            float a = gcx[y * CW + c] * fx * r, b = gcy[y * CW + c] * fy * r, k = gvn[y * CW + c] * r;
            ax[y + 1][c + 1] = a;
            ay[y + 1][c + 1] = b;
            gam[y + 1][c + 1] = k;
            rho[y + 1][c + 1] = -(a * Sx[y][c] + b * Sy[y][c] + k * V[y][c]) * r;
        }
        for (int y = 0; y < CH + 2; y++) for (int c = 0; c < CW; c++) {
            row[0][y][c] = ax[y][c] - ax[y][c + 2] + rho[y][c] + rho[y][c + 1] + rho[y][c + 2];
            row[1][y][c] = ay[y][c] + ay[y][c + 1] + ay[y][c + 2];
            row[2][y][c] = gam[y][c] + gam[y][c + 1] + gam[y][c + 2];
        }
        for (int y = 0; y < CH; y++) for (int c = 0; c < CW; c++) {
            float sum = row[0][y][c] + row[0][y + 1][c] + row[0][y + 2][c] + row[1][y][c] - row[1][y + 2][c];
            float k = row[2][y][c] + row[2][y + 1][c] + row[2][y + 2][c];
            g[y * CW + c] = e[y + 1][c + 1] * (sum + m[y * CW + c] * k + k);
        }
    }
}

int main(void) {
    float *pose = noise((size_t)SN * SH * SW, 1), *poseCotangent = noise(2 * SN, 2);
    float *poseCoords = malloc(sizeof(float) * 2 * SN), *poseGradient = malloc(sizeof(float) * SN * SH * SW);
    FLOOR("ssa2d_pose_vjp", 50, ssa2d_vjp(pose, poseCotangent, poseCoords, poseGradient), poseGradient, poseGradient[12345]);

    size_t map = (size_t)CN * CH * CW;
    float *dense = noise(map, 3), *coordsCotangent = noise(2 * map, 4), *valuesCotangent = noise(map, 5);
    float *coords = malloc(sizeof(float) * 2 * map), *values = malloc(sizeof(float) * map), *gradient = malloc(sizeof(float) * map);
    for (size_t i = 0; i < map; i++) dense[i] /= 3;   // about standard-normal spread, as the suite's input
    FLOOR("csa2d_dense_vjp", 30, csa2d_vjp(dense, coordsCotangent, valuesCotangent, coords, values, gradient),
          gradient, gradient[12345]);
}
