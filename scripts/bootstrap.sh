# Sourced by the project's scripts: puts Node 24 and the pinned pnpm on PATH and installs the
# workspace's dependencies. Everything it fetches comes from the npm registry and stays in .tools/.
# Shell options are local to the function, so sourcing this leaves the caller's shell as it was.
# shellcheck shell=bash
parcours_bootstrap() {
  local -
  set -euo pipefail
  PARCOURS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  export PARCOURS_ROOT
  local node_version="24.21.0" pnpm_version tools="$PARCOURS_ROOT/.tools"
  pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$PARCOURS_ROOT/package.json")"

  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -lt 24 ]; then
    if [ ! -x "$tools/node/node_modules/.bin/node" ] || [ "$("$tools/node/node_modules/.bin/node" --version)" != "v$node_version" ]; then
      command -v npm >/dev/null || { echo "bootstrap: npm is needed once to fetch Node $node_version" >&2; return 1; }
      echo "bootstrap: installing Node $node_version into .tools/node (machine has $(node --version 2>/dev/null || echo none))"
      rm -rf "$tools/node" && mkdir -p "$tools/node"
      npm install --prefix "$tools/node" --no-save --no-audit --no-fund --loglevel=error "node@$node_version" >/dev/null
    fi
    export PATH="$tools/node/node_modules/.bin:$PATH"
  fi

  if ! command -v pnpm >/dev/null || [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
    if [ ! -x "$tools/pnpm/node_modules/.bin/pnpm" ] || [ "$("$tools/pnpm/node_modules/.bin/pnpm" --version)" != "$pnpm_version" ]; then
      echo "bootstrap: installing pnpm $pnpm_version into .tools/pnpm"
      rm -rf "$tools/pnpm" && mkdir -p "$tools/pnpm"
      npm install --prefix "$tools/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@$pnpm_version" >/dev/null
    fi
    export PATH="$tools/pnpm/node_modules/.bin:$PATH"
  fi

  # Install only when the lockfile changed since the last install.
  local stamp="$PARCOURS_ROOT/node_modules/.parcours-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$PARCOURS_ROOT/pnpm-lock.yaml" "$stamp"; then
    (cd "$PARCOURS_ROOT" && pnpm install --frozen-lockfile --reporter=append-only | tail -n 3)
    cp "$PARCOURS_ROOT/pnpm-lock.yaml" "$stamp"
  fi
}
parcours_bootstrap
