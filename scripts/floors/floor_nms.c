// Floors for nms2d_large (3x3 on 512x512) and nms3d_large (3x3x3 on 5x512x512):
// separable window maxima (rows, then columns, then depth), then one pass that
// keeps x where it equals its window maximum and writes 0 elsewhere (floor.h's
// window3_nms). One thread.
#include "floor.h"

int main(void) {
    size_t n2 = 512 * 512, n3 = 5 * n2;
    float *x = noise(n3, 3), *out = malloc(n3 * 4), *a = malloc(n3 * 4), *b = malloc(n3 * 4);
    FLOOR("nms2d_large", 50, window3_nms(x, out, a, b, 1, 512, 512), out, out[1000]);
    FLOOR("nms3d_large", 30, window3_nms(x, out, a, b, 5, 512, 512), out, out[1000]);
}
