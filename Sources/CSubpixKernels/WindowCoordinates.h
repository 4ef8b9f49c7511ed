// From a window's sums to what conv_soft_argmax writes, shared by the two ways
// the forward kernel runs its width windows (eight rows interleaved, or one row
// read directly).
#ifndef SUBPIX_WINDOW_COORDINATES_H
#define SUBPIX_WINDOW_COORDINATES_H

#include "SubpixKernels.h"
#include "Vectors.h"

/// The sums of eight windows: `Σ e`, the tap-weighted `Σ t_x·e`, `Σ t_y·e`,
/// `Σ t_d·e` (3D) and `Σ e·x` (values).
typedef struct { v8f mass, x, y, d, value; } window_sums;

/// The windows' centres: `centre_sum · x_weight` is the x centre, `y_base ·
/// in_range` the y centre and `d_base · in_range` the depth centre (kornia's).
typedef struct { v8f centre_sum, in_range, x_weight, y_base, d_base; } window_centres;

/// The coordinates `(x, y, d)` and value of eight windows:
/// `c = centre + (scale · Σ t·e − shift · Σ e) / (Σ e + eps)`, mapped by
/// `c · factor − offset`, and `Σ e·x / (Σ e + eps)`; x is NaN where `Σ e` is
/// below the op's `weak_mass` (a window to compute on its own).
typedef struct { v8f x, y, d, value; } window_outputs;

SUBPIX_INLINE window_outputs window_outputs_of(const subpix_window_soft_argmax *op, window_sums sums, window_centres centres) {
    const subpix_window_axis *depth = &op->depth, *height = &op->height, *width = &op->width;
    v8f reciprocal = 1.0f / (sums.mass + op->eps);
    v8f cx = centres.centre_sum * centres.x_weight + (width->scale * sums.x - width->shift * sums.mass) * reciprocal;
    v8f cy = centres.y_base * centres.in_range + (height->scale * sums.y - height->shift * sums.mass) * reciprocal;
    v8f cd = centres.d_base * centres.in_range + (depth->scale * sums.d - depth->shift * sums.mass) * reciprocal;
    v8f x = v8f_select(sums.mass < op->weak_mass, v8f_splat(__builtin_nanf("")), cx * width->factor - width->offset);
    return (window_outputs){
        .x = x,
        .y = cy * height->factor - height->offset,
        .d = cd * depth->factor - depth->offset,
        .value = sums.value * reciprocal,
    };
}

#endif
