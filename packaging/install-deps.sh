#!/usr/bin/env bash
# Installs the Debian 12 packages that UniKE Studio needs to build, run and test.
# Idempotent: when every package is already installed it returns at once
# without touching apt. Works as root or through sudo.
set -euo pipefail

# clang-14 and libclang-rt-14-dev build the fuzz targets (libFuzzer; ./dev.sh fuzz).
# libsentencepiece-dev is for the tests only (tests/text checks the tokenizer against it); the
# engine must not link it: its bundled protobuf crashes any process that also loads LibTorch.
PACKAGES=(
  cmake g++ make pkg-config
  libtorch-dev libopenblas0-pthread
  libopencv-dev libspdlog-dev nlohmann-json3-dev libsentencepiece-dev
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev
  libqcustomplot-dev libqcustomplot2.1-qt6
  xvfb xauth
  clang-14 libclang-rt-14-dev
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-deps: missing packages (${missing[*]}) and not root, and sudo is not available" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
