#include "ThreadScratch.h"

#include <pthread.h>
#include <stdlib.h>

/// One thread's kept buffer; `busy` while a call holds it.
typedef struct {
    float *memory;
    size_t capacity;
    int busy;
} thread_scratch;

static pthread_key_t key;
static int key_made;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void discard(void *cache) {
    free(((thread_scratch *)cache)->memory);
    free(cache);
}

static void make_key(void) { key_made = pthread_key_create(&key, discard) == 0; }

/// The calling thread's record, made on first use when `create`; NULL when there is none.
static thread_scratch *this_thread(int create) {
    pthread_once(&once, make_key);
    if (!key_made) return NULL;
    thread_scratch *cache = pthread_getspecific(key);
    if (cache == NULL && create && (cache = calloc(1, sizeof *cache)) != NULL && pthread_setspecific(key, cache) != 0) {
        free(cache);
        cache = NULL;
    }
    return cache;
}

float *subpix_scratch_acquire(size_t count) {
    if (count == 0) count = 1;   // never hand out a NULL that means "out of memory"
    thread_scratch *cache = count <= SUBPIX_SCRATCH_KEEP ? this_thread(1) : NULL;
    if (cache == NULL || cache->busy) return malloc(count * sizeof(float));
    if (cache->capacity < count) {
        free(cache->memory);
        cache->memory = malloc(count * sizeof(float));
        cache->capacity = cache->memory != NULL ? count : 0;
        if (cache->memory == NULL) return NULL;
    }
    cache->busy = 1;
    return cache->memory;
}

void subpix_scratch_release(float *memory) {
    thread_scratch *cache = this_thread(0);
    if (cache != NULL && cache->busy && memory == cache->memory) {
        cache->busy = 0;
        return;
    }
    free(memory);
}

size_t subpix_scratch_kept(void) {
    thread_scratch *cache = this_thread(0);
    return cache == NULL ? 0 : cache->capacity;
}
