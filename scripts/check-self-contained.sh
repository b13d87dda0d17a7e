#!/bin/sh
# Fails unless BINARY needs nothing beyond the C and C++ runtime libraries: what `ldd` lists must be the kernel's
# vDSO, the dynamic loader, libc, libm, libstdc++, libgcc_s (or the pieces of glibc split out of libc on older
# systems). Prints what it found.
#
#   scripts/check-self-contained.sh BINARY
set -eu
binary=$1
libraries=$(ldd "$binary" | awk '{ print $1 }' | sed 's|.*/||')
echo "$(basename "$binary") needs: $(echo $libraries)"
others=$(echo "$libraries" | grep -Ev '^(linux-vdso|linux-gate|ld-linux[-a-z0-9_.]*|libc|libm|libstdc\+\+|libgcc_s|libpthread|libdl|librt|libutil)\.so' || true)
if [ -n "$others" ]; then
    echo "error: $binary also needs: $(echo $others)" >&2
    echo "  hint: build it with \`make release\` (or \`make install\`), which links libcmark and the Swift runtime in" >&2
    exit 1
fi
