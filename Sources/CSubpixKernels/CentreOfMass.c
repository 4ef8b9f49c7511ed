#include <math.h>
#include "SubpixKernels.h"

// No fused multiply-adds: the sums are bit for bit those of the Swift reference.
#pragma STDC FP_CONTRACT OFF

void subpix_centre_of_mass_f32(const float *map, ptrdiff_t height, ptrdiff_t width, double sums[3]) {
    double mass = 0, momentX = 0, momentY = 0;
    for (ptrdiff_t y = 0; y < height; y++) {
        const float *row = map + y * width;
        double rowMass = 0, rowMomentX = 0;
        for (ptrdiff_t x = 0; x < width; x++) {
            if (!isfinite(row[x])) continue;
            double weight = row[x];
            rowMass += weight;
            rowMomentX += (double)x * weight;
        }
        mass += rowMass;
        momentX += rowMomentX;
        momentY += (double)y * rowMass;
    }
    sums[0] = mass;
    sums[1] = momentX;
    sums[2] = momentY;
}
