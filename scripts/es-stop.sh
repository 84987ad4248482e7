#!/usr/bin/env bash
# Stops the node scripts/es-start.sh started, by the pid it recorded (its own process group).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${LER_MATCH_ES_HOME:-$ROOT/.es}"
PID_FILE="$STATE/es.pid"

if [[ ! -f "$PID_FILE" ]]; then
  echo "No Elasticsearch pid file at $PID_FILE; nothing to stop." >&2
  exit 0
fi
PID="$(cat "$PID_FILE")"
if kill -0 "$PID" 2>/dev/null; then
  # setsid made the maven process a group leader: the group is exactly the node we started.
  kill -TERM -- "-$PID" 2>/dev/null || kill -TERM "$PID"
  for _ in $(seq 1 30); do
    kill -0 "$PID" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$PID" 2>/dev/null; then
    echo "Elasticsearch (pid $PID) ignored TERM for 30s; sending KILL." >&2
    kill -KILL -- "-$PID" 2>/dev/null || kill -KILL "$PID"
  fi
  echo "Stopped Elasticsearch (pid $PID)." >&2
else
  echo "Elasticsearch (pid $PID) was not running." >&2
fi
rm -f "$PID_FILE"
