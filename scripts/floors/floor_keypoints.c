// Floors for keypoints_pose and keypoints_large: from dense coordinates (x, y
// planes), values and a 3x3 NMS mask, gather the masked points (value, map,
// x, y), sort them by value descending with ties in position order (a stable
// LSD radix sort on 32-bit keys), and write one record per point. One thread.
#include "floor.h"
#include <stdint.h>

typedef struct { int batch, channel; double x, y, value; } keypoint;

typedef struct {
    const float *coords, *values, *mask; int maps, channels, size;
    uint32_t *keys, *keys2; int *items, *items2; keypoint *out; int count;
} job;

static void extract(job *j) {
    int n = 0;
    for (int m = 0; m < j->maps; m++) for (int i = 0; i < j->size; i++) {
        size_t p = (size_t)m * j->size + i;
        union { float f; uint32_t u; } v = { .f = j->values[p] };
        uint32_t ordered = v.u & 0x80000000u ? ~v.u : v.u | 0x80000000u;
        j->keys[n] = ~ordered; j->items[n] = (int)p;
        n += j->mask[p] != 0;
    }
    uint32_t *k = j->keys, *k2 = j->keys2; int *it = j->items, *it2 = j->items2;
    for (int shift = 0; shift < 32; shift += 11) {
        int count[2048] = {0};
        for (int i = 0; i < n; i++) count[(k[i] >> shift) & 2047]++;
        for (int b = 0, sum = 0; b < 2048; b++) { int c = count[b]; count[b] = sum; sum += c; }
        for (int i = 0; i < n; i++) { int t = count[(k[i] >> shift) & 2047]++; k2[t] = k[i]; it2[t] = it[i]; }
        uint32_t *tk = k; k = k2; k2 = tk; int *ti = it; it = it2; it2 = ti;
    }
    for (int i = 0; i < n; i++) {
        int p = it[i], m = p / j->size, local = p - m * j->size;
        const float *c = j->coords + (size_t)m * 2 * j->size;
        keypoint r = { m / j->channels, m % j->channels, c[local], c[j->size + local], j->values[p] };
        j->out[i] = r;
    }
    j->count = n;
}

static void run(const char *name, int batch, int channels, int H, int W) {
    int maps = batch * channels, size = H * W;
    size_t n = (size_t)maps * size;
    float *values = noise(n, 6), *coords = noise(2 * n, 7), *mask = malloc(n * 4), *a = malloc(n * 4), *b = malloc(n * 4);
    for (int m = 0; m < maps; m++) window3_nms(values + (size_t)m * size, mask + (size_t)m * size, a, b, 1, H, W);
    for (size_t i = 0; i < n; i++) mask[i] = mask[i] != 0;
    job j = { coords, values, mask, maps, channels, size, malloc(n * 4), malloc(n * 4), malloc(n * sizeof(int)),
              malloc(n * sizeof(int)), malloc(n * sizeof(keypoint)), 0 };
    FLOOR(name, 50, extract(&j), j.out, j.out[j.count / 2].x);
}

int main(void) {
    run("keypoints_pose", 4, 17, 64, 48);
    run("keypoints_large", 1, 1, 512, 512);
}
