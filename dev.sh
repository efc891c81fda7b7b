#!/usr/bin/env bash
# The project's two entry points, used by the README and CI:
#   ./dev.sh studio [studio options]   install what is missing, build (Release), open the Studio
#   ./dev.sh test   [ctest options]    install what is missing, build, run every test
#                                      (--sanitize first: under ASan and UBSan, build-sanitize/)
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
    if [ "${1:-}" = --sanitize ]; then
      # ASan and UBSan in a build folder of their own; leaks of the libraries we do not
      # build are suppressed in tests/sanitizers/lsan.supp.
      shift
      BUILD_DIR="${SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}"
      cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DUNIKE_SANITIZE=address,undefined >/dev/null
      cmake --build "$BUILD_DIR" -j "$JOBS"
      export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
      export LSAN_OPTIONS="suppressions=$ROOT/tests/sanitizers/lsan.supp:print_suppressions=0"
      export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    else
      build
    fi
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
