#!/usr/bin/env bash
# Finds or starts the infrastructure Parcours needs, in the order docs/architecture.md gives:
# explicit env (DATABASE_URL, REDIS_URL, KAFKA_BROKERS) → already running on localhost →
# a Docker engine (docker compose) → this machine's own servers (PostgreSQL and Redis packages,
# the Kafka broker from infra/kafka).
#
#   infra/stack.sh up       one status line per component
#   infra/stack.sh status
#   infra/stack.sh down     stops what this script started (Kafka from infra/kafka)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
docker_engine() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }
url_host() { local u="${1#*://}"; u="${u#*@}"; u="${u%%/*}"; echo "${u%%:*}"; }
url_port() { local u="${1#*://}"; u="${u#*@}"; u="${u%%/*}"; [[ "$u" == *:* ]] && echo "${u##*:}" || echo "$2"; }

wait_port() {
  local host="$1" port="$2" deadline=$((SECONDS + ${3:-60}))
  until port_open "$host" "$port"; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.5
  done
}

postgres_up() {
  local url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  local host port; host="$(url_host "$url")"; port="$(url_port "$url" 5432)"
  if port_open "$host" "$port"; then echo "postgres  up    $host:$port"; return; fi
  if [ -n "${DATABASE_URL:-}" ]; then echo "postgres  down  $host:$port (DATABASE_URL is set but nothing answers)"; return 1; fi
  if docker_engine; then
    docker compose -f "$root/docker-compose.yml" up -d postgres >/dev/null
  elif command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start >/dev/null 2>&1 || true
  fi
  wait_port "$host" "$port" 60 && echo "postgres  up    $host:$port (started)" || { echo "postgres  down  $host:$port (could not start it)"; return 1; }
}

redis_up() {
  local url="${REDIS_URL:-redis://127.0.0.1:6379}"
  local host port; host="$(url_host "$url")"; port="$(url_port "$url" 6379)"
  if port_open "$host" "$port"; then echo "redis     up    $host:$port"; return; fi
  if [ -n "${REDIS_URL:-}" ]; then echo "redis     down  $host:$port (REDIS_URL is set but nothing answers)"; return 1; fi
  if docker_engine; then
    docker compose -f "$root/docker-compose.yml" up -d redis >/dev/null
  elif command -v redis-server >/dev/null; then
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null
  fi
  wait_port "$host" "$port" 30 && echo "redis     up    $host:$port (started)" || { echo "redis     down  $host:$port (could not start it)"; return 1; }
}

kafka_up() {
  if [ -n "${KAFKA_BROKERS:-}" ]; then
    local first="${KAFKA_BROKERS%%,*}"
    if port_open "${first%%:*}" "${first##*:}"; then echo "kafka     up    $KAFKA_BROKERS (from KAFKA_BROKERS)"; return; fi
    echo "kafka     down  $KAFKA_BROKERS (KAFKA_BROKERS is set but nothing answers)"; return 1
  fi
  if port_open 127.0.0.1 9092; then echo "kafka     up    127.0.0.1:9092"; return; fi
  if docker_engine; then
    docker compose -f "$root/docker-compose.yml" up -d kafka >/dev/null
    wait_port 127.0.0.1 9092 120 && echo "kafka     up    127.0.0.1:9092 (docker compose)" && return
  fi
  "$here/kafka/kafka.sh" start single >/dev/null
  echo "kafka     up    127.0.0.1:9092 (KRaft broker from infra/kafka, logs in infra/kafka/.cache/run/single)"
}

status() {
  local line
  for line in "postgres 127.0.0.1 5432" "redis 127.0.0.1 6379" "kafka 127.0.0.1 9092"; do
    set -- $line
    if port_open "$2" "$3"; then printf '%-9s up    %s:%s\n' "$1" "$2" "$3"; else printf '%-9s down  %s:%s\n' "$1" "$2" "$3"; fi
  done
}

case "${1:-status}" in
  up) postgres_up; redis_up; kafka_up ;;
  status) status ;;
  down) "$here/kafka/kafka.sh" stop single >/dev/null; status ;;
  *) echo "usage: $0 up|status|down" >&2; exit 2 ;;
esac
