#ifndef EXPLAINER_SHARED_MEMORY_H
#define EXPLAINER_SHARED_MEMORY_H

/// An anonymous file in memory (Linux memfd_create, close-on-exec), or -1 with errno set where there is none.
/// Swift's Glibc module leaves memfd_create out (it is a _GNU_SOURCE function), hence this one-line wrapper.
int explainer_memory_file(const char *name);

#endif
