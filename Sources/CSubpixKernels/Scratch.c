#include <pthread.h>
#include <stdlib.h>

#include "SubpixKernels.h"

/// One thread's kept scratch buffer.
typedef struct {
    float *memory;
    size_t capacity;   // floats
    int busy;          // taken and not yet given back
} thread_scratch;

static pthread_key_t key;
static int key_made;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void release(void *value) {
    thread_scratch *scratch = value;
    free(scratch->memory);
    free(scratch);
}

static void make_key(void) { key_made = pthread_key_create(&key, release) == 0; }

/// The calling thread's scratch record, made on first use; NULL when it cannot be.
static thread_scratch *this_thread(int create) {
    pthread_once(&once, make_key);
    if (!key_made) return NULL;
    thread_scratch *scratch = pthread_getspecific(key);
    if (scratch == NULL && create) {
        scratch = calloc(1, sizeof *scratch);
        if (scratch != NULL && pthread_setspecific(key, scratch) != 0) {
            free(scratch);
            scratch = NULL;
        }
    }
    return scratch;
}

float *subpix_scratch_take(size_t count) {
    if (count == 0) count = 1;
    thread_scratch *scratch = count <= SUBPIX_SCRATCH_KEPT_FLOATS ? this_thread(1) : NULL;
    if (scratch == NULL || scratch->busy) return malloc(count * sizeof(float));
    if (scratch->capacity < count) {
        // A fresh block rather than realloc: the old contents do not matter.
        float *grown = malloc(count * sizeof(float));
        if (grown == NULL) return NULL;
        free(scratch->memory);
        scratch->memory = grown;
        scratch->capacity = count;
    }
    scratch->busy = 1;
    return scratch->memory;
}

void subpix_scratch_give_back(float *memory) {
    thread_scratch *scratch = this_thread(0);
    if (scratch != NULL && scratch->busy && memory == scratch->memory) {
        scratch->busy = 0;
        return;
    }
    free(memory);
}

size_t subpix_scratch_kept(void) {
    thread_scratch *scratch = this_thread(0);
    return scratch == NULL ? 0 : scratch->capacity;
}
