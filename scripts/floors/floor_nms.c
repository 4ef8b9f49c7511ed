// Floors for nms2d_large (3x3 on 512x512) and nms3d_large (3x3x3 on 5x512x512):
// floor.h's window3_nms, the strict maxima in one fused pass over the rows (x
// kept where it is greater than every other value of its window, 0 elsewhere).
// One thread.
#include "floor.h"

int main(void) {
    size_t n2 = 512 * 512, n3 = 5 * n2;
    float *x = noise(n3, 3), *out = malloc(n3 * 4), *a = malloc(n3 * 4), *b = malloc(n3 * 4);
    FLOOR("nms2d_large", 50, window3_nms(x, out, a, b, 1, 512, 512), out, out[1000]);
    FLOOR("nms3d_large", 30, window3_nms(x, out, a, b, 5, 512, 512), out, out[1000]);
}
