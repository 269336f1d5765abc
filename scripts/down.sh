#!/usr/bin/env bash
# Stops the services started by scripts/up.sh and the Kafka broker it started from infra/kafka.
# PostgreSQL and Redis belong to the machine and keep running.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for pidfile in "$root"/.data/pids/*; do
  [ -f "$pidfile" ] || continue
  name="$(basename "$pidfile")"
  if kill -TERM "$(cat "$pidfile")" 2>/dev/null; then echo "$(printf '%-9s' "$name") stopped"; fi
  rm -f "$pidfile"
done
"$root/infra/stack.sh" down
