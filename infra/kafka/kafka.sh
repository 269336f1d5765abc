#!/usr/bin/env bash
# A real Apache Kafka broker (KRaft, no ZooKeeper) from the Maven Central jars, for machines
# without a Docker engine.
#
#   infra/kafka/kafka.sh start [single|spare|cluster]   start and wait until clients are accepted
#   infra/kafka/kafka.sh stop  [single|cluster]   stop cleanly (SIGTERM, then wait)
#   infra/kafka/kafka.sh status [single|cluster]  one line per broker
#   infra/kafka/kafka.sh reset [single|cluster]   stop and delete the log directories
#
# single:  one combined broker+controller on 127.0.0.1:9092 (controller 9093)
# spare:   the same on 127.0.0.1:29092, for tests that stop and restart their broker
# cluster: three combined nodes on 127.0.0.1:19092-19094 (controllers 19192-19194),
#          replication factor 3, min.insync.replicas 2, for the fault tests.
#
# A harness that must not meet another user of these ports (bench/chaos) moves them and the data:
#   KAFKA_CLUSTER_PORT  first broker port of cluster mode (default 19092; controllers at +100)
#   KAFKA_RUN_DIR       where the nodes' configuration, data and logs go
#   KAFKA_LIBS          a directory of broker jars fetched already (another checkout's .cache/libs)
#   KAFKA_EXTRA_CONFIG  lines appended to every node's server.properties (timeouts for a loaded machine)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="$here/.cache"
libs="${KAFKA_LIBS:-$cache/libs}"
command="${1:-status}"
mode="${2:-single}"
run_dir="${KAFKA_RUN_DIR:-$cache/run/$mode}"

case "$mode" in
  single) nodes=(1); all_nodes=(1); broker_port() { echo 9092; }; controller_port() { echo 9093; } ;;
  # A broker of its own for tests that stop and restart it while other tests use the main one.
  spare) nodes=(1); all_nodes=(1); broker_port() { echo 29092; }; controller_port() { echo 29093; } ;;
  cluster)
    nodes=(1 2 3); all_nodes=(1 2 3); first_port="${KAFKA_CLUSTER_PORT:-19092}"
    broker_port() { echo $((first_port - 1 + $1)); }; controller_port() { echo $((first_port + 99 + $1)); } ;;
  *) echo "unknown mode '$mode' (single|spare|cluster)" >&2; exit 2 ;;
esac

fetch_jars() {
  if [ -f "$libs/.complete" ]; then return; fi
  command -v mvn >/dev/null || { echo "kafka: Maven (mvn) is needed to fetch the broker jars" >&2; exit 1; }
  echo "kafka: fetching broker jars from Maven Central (once, cached in $libs)"
  rm -rf "$libs"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$libs" -DincludeScope=runtime
  touch "$libs/.complete"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

quorum_voters() {
  local voters=() n
  for n in "${all_nodes[@]}"; do voters+=("$n@127.0.0.1:$(controller_port "$n")"); done
  local IFS=,; echo "${voters[*]}"
}

write_config() {
  local n="$1"
  local dir="$run_dir/node-$n" replication=1 min_isr=1
  if [ "$mode" = cluster ]; then replication=3; min_isr=2; fi
  mkdir -p "$dir"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$(quorum_voters)
listeners=PLAINTEXT://127.0.0.1:$(broker_port "$n"),CONTROLLER://127.0.0.1:$(controller_port "$n")
advertised.listeners=PLAINTEXT://127.0.0.1:$(broker_port "$n")
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
default.replication.factor=$replication
min.insync.replicas=$min_isr
offsets.topic.replication.factor=$replication
transaction.state.log.replication.factor=$replication
transaction.state.log.min.isr=$min_isr
# Tests create groups constantly: do not wait for more members before the first rebalance.
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=168
log.segment.bytes=67108864
num.network.threads=2
num.io.threads=4
${KAFKA_EXTRA_CONFIG:-}
EOF
  cat >"$dir/log4j.properties" <<EOF
log4j.rootLogger=WARN, file
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=WARN
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$dir/server.log
log4j.appender.file.MaxFileSize=10MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

java_cmd() {
  local dir="$1"; shift
  exec java -Xms128m -Xmx"${KAFKA_HEAP:-512m}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true -Dlog4j.configuration="file:$dir/log4j.properties" \
    -cp "$libs/*" "$@"
}

start_node() {
  local n="$1"
  local dir="$run_dir/node-$n"
  if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then return; fi
  write_config "$n"
  if [ ! -f "$dir/data/meta.properties" ]; then
    (java_cmd "$dir" kafka.tools.StorageTool format --ignore-formatted \
      -t "$(cat "$run_dir/cluster-id")" -c "$dir/server.properties") >"$dir/format.log" 2>&1 \
      || { echo "kafka: formatting node $n failed, see $dir/format.log" >&2; exit 1; }
  fi
  java_cmd "$dir" kafka.Kafka "$dir/server.properties" >"$dir/stdout.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
}

start() {
  fetch_jars
  mkdir -p "$run_dir"
  if [ ! -f "$run_dir/cluster-id" ]; then
    (java_cmd "$run_dir" kafka.tools.StorageTool random-uuid) 2>/dev/null | tail -n 1 >"$run_dir/cluster-id"
  fi
  if [ "$mode" = cluster ]; then export KAFKA_HEAP="${KAFKA_HEAP:-384m}"; fi
  local n
  for n in "${nodes[@]}"; do start_node "$n"; done
  local deadline=$((SECONDS + ${KAFKA_START_TIMEOUT:-90}))
  for n in "${nodes[@]}"; do
    until port_open "$(broker_port "$n")" && ready "$n"; do
      if [ $SECONDS -ge $deadline ]; then
        echo "kafka: node $n did not accept clients in time; last log lines:" >&2
        tail -n 20 "$run_dir/node-$n/server.log" >&2 || true
        exit 1
      fi
      if ! kill -0 "$(cat "$run_dir/node-$n/pid")" 2>/dev/null; then
        echo "kafka: node $n exited; see $run_dir/node-$n/stdout.log" >&2
        tail -n 20 "$run_dir/node-$n/stdout.log" >&2 || true
        exit 1
      fi
      sleep 0.5
    done
  done
  status
}

# The broker logs this once it has joined the quorum and opened its listener for clients.
ready() { grep -q "Kafka Server started" "$run_dir/node-$1/server.log" 2>/dev/null; }

stop() {
  local n pid
  for n in "${nodes[@]}"; do
    [ -f "$run_dir/node-$n/pid" ] || continue
    pid="$(cat "$run_dir/node-$n/pid")"
    kill -TERM "$pid" 2>/dev/null || true
  done
  for n in "${nodes[@]}"; do
    [ -f "$run_dir/node-$n/pid" ] || continue
    pid="$(cat "$run_dir/node-$n/pid")"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$run_dir/node-$n/pid"
  done
}

status() {
  local n pid
  for n in "${nodes[@]}"; do
    pid="$(cat "$run_dir/node-$n/pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && port_open "$(broker_port "$n")"; then
      echo "kafka[$mode] node $n  up    127.0.0.1:$(broker_port "$n") (pid $pid)"
    else
      echo "kafka[$mode] node $n  down  127.0.0.1:$(broker_port "$n")"
    fi
  done
}

case "$command" in
  start) start ;;
  stop) stop; status ;;
  status) status ;;
  reset) stop; rm -rf "$run_dir" ;;
  # Stop or start one node of a running cluster (fault tests).
  stop-node) nodes=("$3"); stop ;;
  start-node) nodes=("$3"); start_node "$3" ;;
  # A crash rather than a shutdown: SIGKILL, no controlled leadership handover.
  kill-node)
    pid="$(cat "$run_dir/node-$3/pid" 2>/dev/null || true)"
    if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; rm -f "$run_dir/node-$3/pid"; fi ;;
  *) echo "usage: $0 start|stop|status|reset [single|spare|cluster]" >&2; exit 2 ;;
esac
