#include "allocator_settings.h"

// - background_thread: a thread of jemalloc's own hands freed pages back to the system, so the build's threads never
//   wait for it;
// - dirty_decay_ms:100: a freed page goes back 0.1 s after it was last used (jemalloc's default is 10 s, long enough
//   that a whole build's freed memory would stay resident);
// - muzzy_decay_ms:0: pages handed back are not kept in between.
// At 10,000 chapters this took the build's peak resident memory from ~283 to ~216 MB and its time down by about a tenth;
// at 1,000 chapters the peak is as with glibc (BENCHMARKS.md, "the allocator").
const char *malloc_conf = "background_thread:true,dirty_decay_ms:100,muzzy_decay_ms:0";
