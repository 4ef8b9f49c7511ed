// Scratch memory that survives a kernel call on the same thread.
//
// A kernel that mallocs and frees its scratch on every call has glibc return
// the memory after the free and fault it in afresh on the next call (csa2d_k15:
// about 56 page faults a call on the main thread; csa2d_dense_vjp's 320 maps:
// half the backward's time). Each thread keeps one buffer instead, up to
// `SUBPIX_SCRATCH_KEEP` floats, freed when the thread exits; larger or nested
// requests are malloc'd and freed.
#ifndef SUBPIX_THREAD_SCRATCH_H
#define SUBPIX_THREAD_SCRATCH_H

#include <stddef.h>

/// Floats a thread keeps between calls (4 MB).
#define SUBPIX_SCRATCH_KEEP ((size_t)1 << 20)

/// `count` floats of scratch for this call (contents undefined): the thread's
/// kept buffer, grown when too small, unless `count` exceeds
/// `SUBPIX_SCRATCH_KEEP` or the buffer is already taken. NULL when out of memory.
float *subpix_scratch_acquire(size_t count);

/// Gives back what `subpix_scratch_acquire` returned on this thread.
void subpix_scratch_release(float *memory);

/// How many floats the calling thread keeps (0 before its first acquire).
size_t subpix_scratch_kept(void);

#endif
