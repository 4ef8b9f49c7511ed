// A `subpix_window_soft_argmax` set up the way the Swift `WindowKernel` sets it
// up (kornia's tap offsets, window centres and normalisation), for kernel_check.c.
#ifndef SUBPIX_ARM64_WINDOW_OP_H
#define SUBPIX_ARM64_WINDOW_OP_H

#include <stdlib.h>

#include "SubpixKernels.h"

/// One axis: `length` cells, windows of `kernel` moved by `stride` over the
/// input zero-padded by `padding`; coordinates in pixels or normalised to [-1, 1].
static subpix_window_axis window_axis(ptrdiff_t length, ptrdiff_t kernel, ptrdiff_t stride, ptrdiff_t padding, int normalized) {
    subpix_window_axis axis = {
        .length = length, .kernel = kernel, .stride = stride, .padding = padding,
        .outputs = (length + 2 * padding - kernel) / stride + 1,
        .scale = kernel > 1 ? 2.0f / (float)(kernel - 1) : 0, .shift = kernel > 1 ? 1 : 0,
        .factor = normalized ? 2.0f / (float)(length > 1 ? length - 1 : 1) : 1, .offset = normalized ? 1 : 0,
    };
    return axis;
}

/// kornia's window centre of output `o`: the sum of its in-range centre cells
/// (one for an odd kernel, two for an even one) and how many are in range.
static void window_centre(const subpix_window_axis *axis, ptrdiff_t o, float *sum, float *in_range) {
    ptrdiff_t first = axis->kernel % 2 ? axis->kernel / 2 : axis->kernel / 2 - 1;
    *sum = 0;
    *in_range = 0;
    for (ptrdiff_t tap = first; tap <= axis->kernel / 2; tap++) {
        ptrdiff_t cell = o * axis->stride - axis->padding + tap;
        if (cell >= 0 && cell < axis->length) { *sum += (float)cell; *in_range += 1; }
    }
}

static ptrdiff_t centre_taps(ptrdiff_t kernel) { return kernel % 2 ? 1 : 2; }

/// The op with its centre tables (one allocation, freed by `free_window_op`).
static subpix_window_soft_argmax window_op(
    subpix_window_axis depth, subpix_window_axis height, subpix_window_axis width,
    float temperature, float eps, int volumetric
) {
    ptrdiff_t rows = depth.outputs * height.outputs;
    float *tables = malloc(sizeof(float) * (size_t)(2 * width.outputs + 3 * rows));
    float *columnSum = tables, *columnInRange = tables + width.outputs;
    float *xWeight = columnInRange + width.outputs, *yBase = xWeight + rows, *dBase = yBase + rows;
    for (ptrdiff_t o = 0; o < width.outputs; o++) window_centre(&width, o, &columnSum[o], &columnInRange[o]);
    float perCell = 1.0f / (float)(centre_taps(depth.kernel) * centre_taps(height.kernel) * centre_taps(width.kernel));
    for (ptrdiff_t od = 0; od < depth.outputs; od++) {
        float dSum, dIn;
        window_centre(&depth, od, &dSum, &dIn);
        for (ptrdiff_t oy = 0; oy < height.outputs; oy++) {
            float ySum, yIn;
            window_centre(&height, oy, &ySum, &yIn);
            ptrdiff_t row = od * height.outputs + oy;
            xWeight[row] = yIn * dIn * perCell;
            yBase[row] = ySum * dIn * perCell;
            dBase[row] = dSum * yIn * perCell;
        }
    }
    subpix_window_soft_argmax op = {
        .depth = depth, .height = height, .width = width, .temperature = temperature, .eps = eps,
        .volumetric = volumetric, .column_centre_sum = columnSum, .column_in_range = columnInRange,
        .row_x_weight = xWeight, .row_y_base = yBase, .row_d_base = dBase,
    };
    return op;
}

static void free_window_op(subpix_window_soft_argmax *op) { free((void *)op->column_centre_sum); }

#endif
