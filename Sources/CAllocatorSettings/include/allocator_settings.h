#ifndef EXPLAINER_ALLOCATOR_SETTINGS_H
#define EXPLAINER_ALLOCATOR_SETTINGS_H

/// jemalloc's settings on Linux, where explainer allocates with jemalloc (the release binary links it in, see the
/// Makefile's JEMALLOC comment; debug builds and `swift test` link libjemalloc.so): jemalloc reads this string as it
/// starts, before the environment's MALLOC_CONF, which can still override each setting. On macOS, which keeps the
/// system's allocator, nothing reads it.
extern const char *malloc_conf;

#endif
