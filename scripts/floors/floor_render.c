// Floor for render_pose: render_gaussian2d of (32, 17) means with std 0.1 on a
// 64 x 48 grid in [-1, 1]: per map two softmax profiles (exp of the Gaussian
// exponent, normalised) and their outer product written. One thread.
#include "floor.h"
#define N (32 * 17)
#define H 64
#define W 48

static void profile(float mean, float std, int n, float *out) {
    float factor = -1.f / (2 * std * std), peak = -INFINITY, total = 0;
    for (int i = 0; i < n; i++) { float d = (2.f * i / (n - 1) - 1) - mean; out[i] = d * d * factor; peak = out[i] > peak ? out[i] : peak; }
    for (int i = 0; i < n; i++) { out[i] = fexp(out[i] - peak); total += out[i]; }
    for (int i = 0; i < n; i++) out[i] /= total;
}

static void render(const float *means, float *maps) {
    float gx[W], gy[H];
    for (int m = 0; m < N; m++) {
        profile(means[2 * m], 0.1f, W, gx);
        profile(means[2 * m + 1], 0.1f, H, gy);
        float *map = maps + (size_t)m * H * W;
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) map[y * W + x] = gy[y] * gx[x];
    }
}

int main(void) {
    float *means = noise(2 * N, 4), *maps = malloc(sizeof(float) * N * H * W);
    for (int i = 0; i < 2 * N; i++) means[i] /= 3;
    FLOOR("render_pose", 50, render(means, maps), maps, maps[12345]);
}
