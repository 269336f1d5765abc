#!/usr/bin/env bash
# Runs Parcours on this machine: the infrastructure (PostgreSQL, Redis, Kafka; found or started)
# and every service that exists, each in the background with its log in .data/logs/.
# One status line per component. Stop with scripts/down.sh.
set -euo pipefail
# --demo: the projections service loads a year of synthetic network activity into its empty log.
if [ "${1:-}" = "--demo" ]; then export DEMO_DATA=true; fi
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$PARCOURS_ROOT"
infra/stack.sh up

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
mkdir -p .data/logs .data/pids

# Development settings shared by every service: the local token issuer, and secrets generated once
# for this checkout (.data/dev.env). Production sets these from its own secret store.
if [ ! -f .data/dev.env ]; then
  {
    echo "KEY_ENCRYPTION_KEY=$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64"))')"
    echo "MATCH_KEY_SECRET=$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("hex"))')"
  } >.data/dev.env
  chmod 600 .data/dev.env
fi
set -a
# shellcheck disable=SC1091
source .data/dev.env
AUTH_DEV_ISSUER="${AUTH_DEV_ISSUER:-true}"
AUTH_ISSUER="${AUTH_ISSUER:-parcours-dev-issuer}"
AUTH_AUDIENCE="${AUTH_AUDIENCE:-parcours}"
HOST="${HOST:-127.0.0.1}"
LOG_LEVEL="${LOG_LEVEL:-info}"
KEYSTORE_URL="${KEYSTORE_URL:-${DATABASE_URL%/*}/parcours_keys}"
set +a
for db in parcours_keys; do
  psql "$DATABASE_URL" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || psql "$DATABASE_URL" -qc "CREATE DATABASE \"$db\"" >/dev/null
done

# service:port — each service gets its own database, created on first start.
services=(intake:3001 referral:3002 follow-up:3003 mediation:3004 projections:3005)
for entry in "${services[@]}"; do
  name="${entry%%:*}"; port="${entry##*:}"
  [ -f "services/$name/src/server.ts" ] || continue
  pidfile=".data/pids/$name"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "$(printf '%-9s' "$name") up    http://127.0.0.1:$port (already running)"; continue
  fi
  db="parcours_${name//-/_}"
  psql "$DATABASE_URL" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || psql "$DATABASE_URL" -qc "CREATE DATABASE \"$db\"" >/dev/null
  (cd "services/$name" || exit 1
    # Two malloc arenas: glibc's default (8 per core) grows the resident set by ~20 MiB under load
    # for no gain in a process whose JavaScript runs on one thread (bench/README.md).
    SERVICE_NAME="$name" PORT="$port" DATABASE_URL="${DATABASE_URL%/*}/$db" MALLOC_ARENA_MAX=2 \
      nohup node --max-semi-space-size=8 --max-old-space-size=192 --import @parcours/service-kit/telemetry src/server.ts >"$PARCOURS_ROOT/.data/logs/$name.log" 2>&1 &
    echo $! >"$PARCOURS_ROOT/$pidfile")
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
    echo "$(printf '%-9s' "$name") up    http://127.0.0.1:$port (docs at /docs, log .data/logs/$name.log)"
  else
    echo "$(printf '%-9s' "$name") down  http://127.0.0.1:$port (see .data/logs/$name.log)"
  fi
done

# The web application: its backend-for-frontend serves the built app (built when its sources
# changed) and reaches the services above; sign in at its URL with a development user.
web_port=3000
if [ -f .data/pids/web ] && kill -0 "$(cat .data/pids/web)" 2>/dev/null; then
  web_status="up    http://127.0.0.1:$web_port (already running)"
else
  if [ ! -f services/web/dist/index.html ] || [ -n "$(find services/web/app -newer services/web/dist/index.html -type f | head -1)" ]; then
    pnpm --filter @parcours/web build >"$PARCOURS_ROOT/.data/logs/web-build.log" 2>&1
  fi
  (cd services/web || exit 1
    SERVICE_NAME=web PORT="$web_port" PUBLIC_URL="${PUBLIC_URL:-http://127.0.0.1:$web_port}" \
      INTAKE_URL=http://127.0.0.1:3001 REFERRAL_URL=http://127.0.0.1:3002 STATIC_DIR="$PARCOURS_ROOT/services/web/dist" \
      MALLOC_ARENA_MAX=2 nohup node --max-semi-space-size=8 --max-old-space-size=192 --import @parcours/service-kit/telemetry src/server.ts >"$PARCOURS_ROOT/.data/logs/web.log" 2>&1 &
    echo $! >"$PARCOURS_ROOT/.data/pids/web")
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$web_port/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  if curl -fsS "http://127.0.0.1:$web_port/health/ready" >/dev/null 2>&1; then
    web_status="up    http://127.0.0.1:$web_port (sign in there; log .data/logs/web.log)"
  else
    web_status="down  http://127.0.0.1:$web_port (see .data/logs/web.log)"
  fi
fi
echo "a token for curl: node packages/service-kit/src/dev-token.ts caseworker"
echo "stop with: scripts/down.sh"
echo "$(printf '%-9s' web) $web_status"
