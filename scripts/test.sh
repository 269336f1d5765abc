#!/usr/bin/env bash
# Runs every test (unit, int, e2e) against real PostgreSQL, Redis and Kafka, starting what is
# missing. Extra arguments go to Vitest (e.g. `scripts/test.sh --project unit`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$PARCOURS_ROOT"
infra/stack.sh up
report="$(mktemp -t parcours-vitest-XXXXXX.json)"
set +e
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
code=$?
set -e
node scripts/test-totals.ts "$report" || true
rm -f "$report"
exit $code
