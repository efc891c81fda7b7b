#!/usr/bin/env bash
# The project's two entry points, used by the README and CI:
#   ./dev.sh studio [studio options]   install what is missing, build (Release), open the Studio
#   ./dev.sh test   [ctest options]    install what is missing, build, run every test
# Also: ./dev.sh build, ./dev.sh cli [unike args],
#       ./dev.sh fuzz [TARGET|all] [SECONDS]  libFuzzer over every parser (tests/fuzz).
# BUILD_DIR (default: build) and JOBS (default: the core count) can be set.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
JOBS="${JOBS:-$(nproc)}"

install_deps() { bash "$ROOT/packaging/install-deps.sh"; }

build() {
  cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

command="${1:-}"
shift || true
case "$command" in
  studio)
    install_deps
    build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "dev.sh: no display found; running the Studio under xvfb-run" >&2
      exec xvfb-run -a "$BUILD_DIR/bin/unike-studio" "$@"
    fi
    exec "$BUILD_DIR/bin/unike-studio" "$@"
    ;;
  test)
    install_deps
    build
    cd "$BUILD_DIR"
    exec ctest --output-on-failure -j "$JOBS" "$@"
    ;;
  build)
    install_deps
    build
    ;;
  fuzz)
    install_deps
    exec bash "$ROOT/tests/fuzz/run_fuzz.sh" "$@"
    ;;
  cli)
    install_deps
    build >/dev/null
    exec "$BUILD_DIR/bin/unike" "$@"
    ;;
  *)
    echo "usage: ./dev.sh studio|test|build|cli|fuzz [args]" >&2
    exit 2
    ;;
esac
