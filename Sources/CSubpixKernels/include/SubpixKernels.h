// The float32 hot loops of subpix, compiled once per path: the portable
// baseline (SSE2 on x86-64, NEON on arm64) and, on x86-64, AVX2 + FMA and
// AVX-512. Which one runs is chosen at run time from the CPU's features (see
// `subpix_kernel_path`); the Swift implementations in `Subpix` stay the
// reference that tests compare these against.
#ifndef SUBPIX_KERNELS_H
#define SUBPIX_KERNELS_H

#include <stddef.h>

// The module's other public headers, named here too: SwiftPM's module cache
// notices a changed header but not a new file in the umbrella directory, so a
// build directory made before a header existed would not see it otherwise.
#include "HeapTuning.h"
#include "ThreadScratch.h"

/// The code paths the kernels are compiled for, narrowest first.
typedef enum {
    SUBPIX_PATH_BASELINE = 0,
    SUBPIX_PATH_AVX2_FMA = 1,
    /// AVX-512 F, VL, DQ and BW (with AVX2 + FMA).
    SUBPIX_PATH_AVX512 = 2,
} subpix_path;

/// Whether this CPU runs the AVX2 + FMA path (always 0 off x86-64).
int subpix_cpu_has_avx2_fma(void);

/// Whether this CPU runs the AVX-512 path (always 0 off x86-64).
int subpix_cpu_has_avx512(void);

/// The path the kernels take: the widest this CPU runs, unless the environment
/// variable `SUBPIX_KERNELS` (read on first use) is `baseline` or `avx2`, or
/// `subpix_set_kernel_path` chose a narrower one.
subpix_path subpix_kernel_path(void);

/// Chooses the path; a path the CPU cannot run falls back to the widest one
/// below it that it can. Returns the path now in effect.
subpix_path subpix_set_kernel_path(subpix_path path);

/// kornia's `spatial_soft_argmax2d` for the maps `first ..< last` of `x`
/// (each `height × width`, row-major): per map `e = exp(t·x − max(t·x))`
/// and `out[2m], out[2m+1] = Σ e·xs[j] / Σ e, Σ e·ys[i] / Σ e`.
/// A NaN anywhere in a map makes its output NaN. Returns 0.
int subpix_spatial_soft_argmax_f32(
    const float *x, ptrdiff_t first, ptrdiff_t last, ptrdiff_t height, ptrdiff_t width,
    float temperature, const float *xs, const float *ys, float *out);

/// kornia's `render_gaussian2d` for the maps `first ..< last` on the grid `xs`
/// (`width` columns) × `ys` (`height` rows). Map `m` is the Gaussian of mean
/// `means[2·mean_index[m] ..< +2]` and σ `stds[2·std_index[m] ..< +2]` (x, y):
/// the profiles `gx = softmax(−(xs − μx)² / (2σx²))` and `gy` likewise, computed
/// in `profiles` (`width + height` floats of scratch), then
/// `out[(m · height + i) · width + j] = gy[i] · gx[j]`. A σ of 0 or NaN makes
/// the map NaN. On x86-64 cells below 2^-126 are 0 (subnormal results are
/// flushed: computing them took as long as the rest of the render).
/// Returns 0.
int subpix_render_gaussian_f32(
    const float *xs, ptrdiff_t width, const float *ys, ptrdiff_t height,
    const float *means, const ptrdiff_t *mean_index, const float *stds, const ptrdiff_t *std_index,
    ptrdiff_t first, ptrdiff_t last, float *profiles, float *out);

/// The input gradient of `subpix_spatial_soft_argmax_f32` for the maps
/// `first ..< last`: with `p = softmax(t·x)` per map, the forward's `coords`
/// `(X, Y)` and a cotangent `(gx, gy)` per map (both `2 × maps`),
/// `gradient = t · p · (gx · (xs[j] − X) + gy · (ys[i] − Y))`, one exponential
/// per element. Returns 0.
int subpix_spatial_soft_argmax_backward_f32(
    const float *x, ptrdiff_t first, ptrdiff_t last, ptrdiff_t height, ptrdiff_t width, float temperature,
    const float *xs, const float *ys, const float *coords, const float *cotangent, float *gradient);

/// mmpose's `gaussian_blur` of one `height × width` map (row-major) before its
/// rescale: the rows filtered with the `taps` weights centred on each cell (zero
/// outside the map) into `scratch`, then the columns into `out` (both
/// `height × width`), the taps added in order. Returns the largest value of
/// `out`, NaN when any is NaN.
float subpix_gaussian_blur_f32(
    const float *map, ptrdiff_t height, ptrdiff_t width, const float *weights, ptrdiff_t taps, float *scratch, float *out);

/// The largest of `count` values, NaN when any is NaN.
float subpix_maximum_f32(const float *values, ptrdiff_t count);

/// The median of `count` finite doubles (the mean of the two middle ones for an
/// even count) and the median of their absolute deviations from it, as
/// `RobustMedian` selects them, on the AVX-512 and AVX2 paths. Returns 0, or −1
/// (nothing written) on the baseline path, for no value, or when scratch memory
/// could not be allocated.
int subpix_median_deviation_f64(const double *x, ptrdiff_t count, double *median, double *mad);

/// `subpix_median_deviation_f64` of `count` finite floats as doubles, the median
/// selected among the floats themselves.
int subpix_median_deviation_f32(const float *x, ptrdiff_t count, double *median, double *mad);

/// Per row of a `rows × columns` map (row-major), whether it holds a cell that is
/// not strictly between `low` and `high` (a NaN counts): `reaching[r]` 1 or 0. Returns 0.
int subpix_rows_reaching_f32(const float *x, ptrdiff_t rows, ptrdiff_t columns, float high, float low, unsigned char *reaching);

/// photutils' `centroid_com` sums of one `height × width` map over its finite
/// cells, in double: `sums` = (Σ v, Σ x·v, Σ y·v), each row summed first.
void subpix_centre_of_mass_f32(const float *map, ptrdiff_t height, ptrdiff_t width, double sums[3]);

/// One axis of a sliding window: `length` input cells, windows of `kernel`
/// cells moved by `stride` over the input zero-padded by `padding`, giving
/// `outputs` windows; and how a window's sums become a coordinate on it:
/// `(scale · Σ t·e − shift · Σ e) / (Σ e + eps)` with `t` the tap (0 ..< kernel),
/// then added to the window centre and mapped by `c · factor − offset`.
typedef struct {
    ptrdiff_t length, kernel, stride, padding, outputs;
    float scale, shift, factor, offset;
} subpix_window_axis;

/// kornia's `conv_soft_argmax2d` / `3d` over one `depth × height × width` map
/// (a 2D map is a volume of depth 1 with a one-cell depth window).
typedef struct {
    subpix_window_axis depth, height, width;
    float temperature, eps;
    /// kornia 0.9 (each window's softmax on its own): a window whose `Σ e` —
    /// taken from the map's maximum — is below `weak_mass` gets a NaN x
    /// coordinate, for the caller to compute exactly from the window's own
    /// maximum; above it the sums hold every term that matters in full
    /// precision, and the numbers are the window's own softmax to rounding.
    /// 0 (kornia 0.7.4): nothing is marked.
    float weak_mass;
    /// Write the depth coordinate (3D): coordinates are `(d, x, y)`, else `(x, y)`.
    int volumetric;
    /// Per output column: the sum of the window's in-range centre cells'
    /// column indices, and how many are in range (kornia's window centre).
    const float *column_centre_sum, *column_in_range;
    /// Per output row `(od, oy)`: the weights that turn the column centres
    /// into the centre coordinate, as `WindowedSoftArgmax.write` derives them.
    const float *row_x_weight, *row_y_base, *row_d_base;
} subpix_window_soft_argmax;

/// Output rows `first_row ..< last_row` (of every depth output) of one map `x`
/// whose maximum is `peak`: `e = exp((x − peak) / T)` once per input element,
/// window sums by the van Herk / Gil-Werman scheme along height and width
/// (a suffix plus a prefix within blocks of the kernel size: non-negative
/// additions only, about three per element whatever the kernel), then the
/// coordinates `coords` (`axes × D_out × H_out × W_out` of this map) and, when
/// `values` is not NULL, the pooled values (`D_out × H_out × W_out`).
/// Returns how many of these outputs have a NaN x coordinate when `weak_mass`
/// is positive (windows to compute on their own, and windows holding a NaN),
/// 0 when it is not, or −1 when scratch memory could not be allocated.
int subpix_window_soft_argmax_f32(
    const subpix_window_soft_argmax *op, const float *x, float peak,
    ptrdiff_t first_row, ptrdiff_t last_row, float *coords, float *values);

/// kornia 0.9's outputs of the windows of output rows `first_row ..< last_row`
/// (of every depth output) of one map `x` that `subpix_window_soft_argmax_f32`
/// marked (a NaN in `out_x`): each window's softmax on its own, by the separable
/// online rescale — per axis each window's largest logit and its sums relative to
/// it, combined by `exp(m − M) ≤ 1`. The output planes hold rows
/// `held_first ..< held_first + held_rows` of each depth output (`W_out` each);
/// `out_d` (3D) and `values` may be NULL. Returns how many windows it wrote, or −1
/// when scratch memory could not be allocated (nothing written).
int subpix_window_soft_argmax_own_f32(
    const subpix_window_soft_argmax *op, const float *x, ptrdiff_t first_row, ptrdiff_t last_row,
    ptrdiff_t held_first, ptrdiff_t held_rows, float *out_x, float *out_y, float *out_d, float *values);

/// The input gradient of `conv_soft_argmax2d` / `3d` for input rows
/// `first_row ..< last_row` (of every plane) of one map `x` whose maximum is
/// `peak`, given the cotangents of its coordinates (`axes × D_out × H_out × W_out`
/// in the forward's order: `(d,) x, y`) and, when not NULL, of its values
/// (`D_out × H_out × W_out`, with the forward's `values` — without the 3D
/// strict-maxima bonus — beside it). With `e = exp((x − peak) / T)` (kornia
/// detaches the max), per window `D = Σ e + eps`, `S_a = Σ offset_a · e` (kornia's
/// tap offsets `scale · t − shift` along axis `a`), `V = Σ x · e`, coordinates
/// `f_a · (centre + S_a / D) − c` and value `V / D`; for cotangents `ḡ_a`, `v̄` of a
/// window let `α_a = f_a · ḡ_a / D`, `γ = v̄ / D`, `ρ = −(Σ_a α_a · S_a + γ · V) / D`
/// (with `V / D` read from the forward's `values`). Then
///
///     x̄(k) = e(k) · ((g(k) + x(k) · c(k)) / T + c(k)),
///     g(k) = Σ_{w ∋ k} (Σ_a α_a(w) · offset_a(k, w) + ρ(w)),   c(k) = Σ_{w ∋ k} γ(w)
///
/// The forward's window sums of `e` are recomputed for the output rows that read
/// these rows (van Herk, as the forward); `g` and `c` are window sums of the
/// per-output terms over the outputs that read each cell ("transposed" sums):
/// along the height by the same scheme on the outputs stuffed with `stride − 1`
/// zeros, along the width likewise on eight rows interleaved or, for a width
/// window of at most three cells moved by one (the usual 3 × 3), directly by
/// shifted loads along each row; along the depth (3D) each depth output's sums
/// are added to the planes of its window.
/// Returns 0, −1 when scratch memory could not be allocated (nothing written).
int subpix_window_soft_argmax_backward_f32(
    const subpix_window_soft_argmax *op, const float *x, float peak, ptrdiff_t first_row, ptrdiff_t last_row,
    const float *coords_cotangent, const float *values_cotangent, const float *values, float *gradient);

/// The window sums of `conv_soft_argmax` alone, for tests: eight sequences at
/// once, interleaved (`x[i · 8 + lane]`; the same layout for the outputs):
/// `sums[o] = Σ_t x[o·stride + t]` and `weighted[o] = Σ_t t · x[o·stride + t]`
/// over `t < kernel`, where `x` (already padded) holds at least
/// `(outputs − 1) · stride + kernel` rows. Returns 0, or −1 when out of memory.
int subpix_window_sums_f32(
    const float *x, ptrdiff_t kernel, ptrdiff_t stride, ptrdiff_t outputs, float *sums, float *weighted);

/// One map of a strict-maxima suppression (kornia 0.9's `nms2d` / `nms3d`):
/// `depth × height × width` (depth 1 for 2D) and a window of at most that
/// size per axis, reaching `(k − 1) / 2` cells before its centre and `k / 2`
/// after it.
typedef struct {
    ptrdiff_t depth, height, width;
    ptrdiff_t kernel_depth, kernel_height, kernel_width;
} subpix_strict_maxima;

/// Output rows `first_row ..< last_row` (of every plane) of the strict maxima
/// of one map `x`: a position is kept when its whole window lies inside the
/// map and it is greater than every other value of the window (so a NaN in
/// the window, or a tie, suppresses it). Writes either `mask` (1 kept, 0 not)
/// or, when `mask` is NULL, `values` (the input where kept, 0 elsewhere), each
/// in the map's layout. Returns 0, or −1 when scratch memory could not be allocated.
int subpix_strict_maxima_f32(
    const subpix_strict_maxima *op, const float *x, ptrdiff_t first_row, ptrdiff_t last_row,
    unsigned char *mask, float *values);

/// kornia 0.9's `iterative_quad_interp3d` over `depth × height × width` maps
/// (each side at least 3).
typedef struct {
    ptrdiff_t depth, height, width;
    /// Fits per maximum at most (`n_iters`, capped where a centre must cycle).
    ptrdiff_t iterations;
    float max_shift;
    /// Whether the centre may step along depth.
    int scale_steps;
    /// kornia 0.9's `conv_quad_interp3d`: the maxima mask of every map (one byte
    /// per voxel, as `x`), and the L∞ radius around its maxima within which the
    /// fits were precomputed; a centre outside that reach rejects the maximum.
    /// NULL for `iterative_quad_interp3d`, which has no such limit.
    const unsigned char *reach_mask;
    ptrdiff_t reach_radius;
} subpix_iterative_quad;

/// Refines the maxima `maxima[0 ..< count]` (flat indices into the maps of
/// `x`) as the Swift `Refiner` does, in the same float32 operations: a
/// refined maximum gets its coordinates `(d, x, y)` in `coords` (per map three
/// planes of the map's size) and its value in `values`; a rejected one is left
/// as it is. Returns 0.
int subpix_iterative_quad_f32(
    const subpix_iterative_quad *op, const float *x, const ptrdiff_t *maxima, ptrdiff_t count,
    float *coords, float *values);

#endif
