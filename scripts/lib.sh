# scripts/lib.sh — shared by scripts/run and scripts/test (sourced, not run).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export NODE_PATH=/usr/share/nodejs  # em++ -O1+ needs Debian's acorn (toolchain.md §8.1)

# Installs what is missing (scripts/setup needs root; it is a no-op when all is present).
ensure_setup() {
  if ! scripts/setup --check >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      scripts/setup
    else
      echo "dependencies are missing; run: sudo scripts/setup" >&2
      exit 1
    fi
  fi
}

# build PRESET [TARGET...]: configure once, then build incrementally.
build() {
  local preset=$1
  shift
  if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset" >/dev/null
  fi
  if [ $# -gt 0 ]; then
    cmake --build --preset "$preset" --target "$@"
  else
    cmake --build --preset "$preset"
  fi
}
