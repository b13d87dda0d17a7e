#ifndef EXPLAINER_ALLOCATOR_SETTINGS_H
#define EXPLAINER_ALLOCATOR_SETTINGS_H

/// jemalloc's settings for the release binary on Linux, which links jemalloc in (see the Makefile's JEMALLOC_FLAGS):
/// jemalloc reads this string as it starts, before the environment's MALLOC_CONF, which can still override each
/// setting. Builds that allocate with glibc's malloc (debug builds, `swift test`) or the system's (macOS) never read it.
extern const char *malloc_conf;

#endif
