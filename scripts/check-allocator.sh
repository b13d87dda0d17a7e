#!/bin/sh
# Fails unless BINARY allocates with jemalloc, with the settings of Sources/CAllocatorSettings, and glibc's own
# allocations (strdup, realpath, …) go to the same malloc: libc's calls to malloc and free must bind to BINARY itself
# (jemalloc linked in, the release build) or to libjemalloc (debug builds), never to libc's. Linux only. Prints what
# it found.
#
#   scripts/check-allocator.sh BINARY
set -eu
binary=$1
bindings=$(LD_DEBUG=bindings "$binary" --version 2>&1 >/dev/null | grep -E "binding file [^ ]*/libc\.so\.6 .* normal symbol \`(malloc|free)'" || true)
[ -n "$bindings" ] || { echo "error: no binding of libc's malloc or free seen in LD_DEBUG=bindings output" >&2; exit 1; }
echo "$bindings" | while read -r line; do
    target=$(echo "$line" | sed -E 's/.* to ([^ ]*) \[.*/\1/')
    symbol=$(echo "$line" | sed -E "s/.*symbol \`([a-z]*)'.*/\1/")
    case "$target" in
        */libjemalloc.so*) ;;
        */libc.so*) echo "error: libc's $symbol binds to glibc's own, not to jemalloc" >&2; exit 1 ;;
        *) [ "$(realpath "$target")" = "$(realpath "$binary")" ] \
               || { echo "error: libc's $symbol binds to $target" >&2; exit 1; } ;;
    esac
    echo "libc's $symbol -> $(basename "$target")"
done
settings=$(MALLOC_CONF=stats_print:true "$binary" --version 2>&1 >/dev/null)
for setting in 'opt.background_thread: true' 'opt.dirty_decay_ms: 100' 'opt.muzzy_decay_ms: 0'; do
    echo "$settings" | grep -q "$setting" \
        || { echo "error: jemalloc does not report '$setting' (is jemalloc linked in, with Sources/CAllocatorSettings?)" >&2; exit 1; }
done
echo "jemalloc $(echo "$settings" | sed -nE 's/^Version: "([0-9.]*).*/\1/p'): background_thread, dirty_decay_ms 100, muzzy_decay_ms 0"
