#!/usr/bin/env bash
# Read-endpoint throughput of one or more revisions of the service, in one run on one machine:
#   bench/read-throughput.sh [REV[:ARGS] ...]   (default: HEAD; e.g. 13156bf HEAD for before/after)
# ARGS (after a colon, space-separated) are extra arguments for that run only, to compare settings
# of one revision: HEAD:--secrets.rate-limit.enabled=false HEAD:--secrets.rate-limit.store=postgresql
# Each revision is built once in a temporary git worktree; each run starts it on the embedded
# development database (fresh data directory). One app gets 50 secrets of 64 bytes; after a warm-up, wrk
# reads GET /apps/{appId}/secrets (all 50 values) for DURATION with CONNECTIONS connections,
# with the generated admin token where the revision has access control.
# APP_ARGS adds arguments to every revision's command line (the same for all, for a fair run).
# Needs: wrk (apt-get install wrk), curl, python3. Only loopback traffic.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
runs=("${@:-HEAD}")
revs=()
for run in "${runs[@]}"; do
  rev=${run%%:*}
  [[ " ${revs[*]} " == *" $rev "* ]] || revs+=("$rev")
done
port=${PORT:-18080}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-16}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; for r in "${revs[@]}"; do git worktree remove --force "$work/src-$r" 2>/dev/null || true; done; rm -rf "$work"' EXIT

for rev in "${revs[@]}"; do
  git worktree add --detach -q "$work/src-$rev" "$rev"
  (cd "$work/src-$rev" && ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package)
  cp "$work/src-$rev"/target/app-secrets-vault-*.jar "$work/$rev.jar"
done

n=0
for run in "${runs[@]}"; do
  n=$((n + 1))
  rev=${run%%:*}
  extra=""
  [[ "$run" == *:* ]] && extra=${run#*:}
  data="$work/data-$n"
  # shellcheck disable=SC2086
  java -jar "$work/$rev.jar" --server.port="$port" --secrets.embedded.data-dir="$data" ${APP_ARGS:-} $extra \
    > "$work/$n.log" 2>&1 &
  pid=$!
  for _ in $(seq 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/apps")" != 000 ] && break; sleep 1
  done
  # Revisions with access control generate an admin token beside their embedded database.
  auth=()
  if [ -f "$data/admin.token" ]; then
    auth=(-H "Authorization: Bearer $(cat "$data/admin.token")")
  fi
  app=$(curl -sf "${auth[@]}" -X POST "localhost:$port/apps" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  value=$(python3 -c 'print("v" * 64)')
  for i in $(seq 1 50); do
    curl -sf "${auth[@]}" -X POST "localhost:$port/apps/$app/secrets" -H 'Content-Type: application/json' \
      -d "{\"key\":\"KEY_$i\",\"value\":\"$value\"}" > /dev/null
  done
  url="http://localhost:$port/apps/$app/secrets"
  wrk -t2 -c"$connections" -d10s "${auth[@]}" "$url" > /dev/null   # warm-up (JIT, connection pool)
  result=$(wrk -t2 -c"$connections" -d"$duration" --latency "${auth[@]}" "$url")
  rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$result" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$result" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$result" | awk '/Non-2xx/ {print $5}')
  printf '%-12s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$run" "$rps" "$p50" "$p99" "${non2xx:-0}"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
