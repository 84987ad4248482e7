#!/usr/bin/env bash
# Starts a real single-node Elasticsearch for development and CI (DESIGN.md "Outside pieces"):
# one JVM from Maven Central via es/pom.xml, bound to 127.0.0.1, pid and log under .es/.
# Prints the node URL on stdout when the cluster is yellow or green; everything else goes to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${LER_MATCH_ES_HOME:-$ROOT/.es}"
BASE_PORT="${LER_MATCH_ES_BASE_PORT:-9200}"
HTTP_PORT=$((BASE_PORT + 1)) # the runner's first node listens on baseHttpPort + 1
URL="http://127.0.0.1:${HTTP_PORT}"
TIMEOUT="${LER_MATCH_ES_START_TIMEOUT:-180}"
PID_FILE="$STATE/es.pid"
LOG="$STATE/es.log"

healthy() {
  curl -fsS -m 5 "$URL/_cluster/health" 2>/dev/null | grep -Eq '"status":"(yellow|green)"'
}

if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null && healthy; then
  echo "Elasticsearch already running (pid $(cat "$PID_FILE"))" >&2
  echo "$URL"
  exit 0
fi

rm -rf "$STATE/data"
mkdir -p "$STATE/data/node_1/config"
# The runner copies its template only when the node has no elasticsearch.yml: ours binds loopback.
cat > "$STATE/data/node_1/config/elasticsearch.yml" <<YAML
network.host: 127.0.0.1
discovery.type: single-node
action.destructive_requires_name: false
YAML

echo "Resolving the Elasticsearch runner (Maven Central)..." >&2
# shellcheck disable=SC2086 # extra Maven arguments (e.g. "-P es8") are meant to split
mvn -B -q -f "$ROOT/es/pom.xml" ${LER_MATCH_ES_MAVEN_ARGS:-} dependency:resolve >&2

# shellcheck disable=SC2086
MAVEN_OPTS="${LER_MATCH_ES_JAVA_OPTS:--Xms1g -Xmx1g}" setsid mvn -B -q -f "$ROOT/es/pom.xml" ${LER_MATCH_ES_MAVEN_ARGS:-} exec:java \
  -Des.basePath="$STATE/data" -Des.baseHttpPort="$BASE_PORT" >"$LOG" 2>&1 </dev/null &
echo $! >"$PID_FILE"

for ((i = 0; i < TIMEOUT; i++)); do
  if healthy; then
    echo "Elasticsearch is up at $URL (pid $(cat "$PID_FILE"), log $LOG)" >&2
    echo "$URL"
    exit 0
  fi
  if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    echo "Elasticsearch exited during start-up; last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    rm -f "$PID_FILE"
    exit 1
  fi
  sleep 1
done

echo "Elasticsearch did not reach yellow/green at $URL within ${TIMEOUT}s; last lines of $LOG:" >&2
tail -n 40 "$LOG" >&2
"$ROOT/scripts/es-stop.sh" >&2 || true
exit 1
