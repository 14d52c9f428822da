#!/usr/bin/env bash
# The service's read and write path against a bare Spring Boot + JdbcTemplate endpoint serving
# the same rows (bench/baseline), one after the other, against one durable PostgreSQL:
#   bench/vs-baseline.sh [REV ...]            (default: HEAD; e.g. 5a1b2c3 HEAD for before/after)
# Starts Debian's PostgreSQL (fsync and synchronous_commit on, as in production) as the postgres
# user in a temporary directory. For each revision: a fresh database, the service on it, one app
# with 50 secrets of 64 bytes, an API token limited to that app (secrets:read, secrets:write);
# then wrk against the service and against the baseline on the same database:
#   list   GET /apps/{appId}/secrets (50 values)     16 and 64 connections
#   one    GET /apps/{appId}/secrets/{secretId}      16 connections
#   create POST /apps/{appId}/secrets                16 connections
# and prints requests per second, p99 and the service/baseline ratios. Each side first warms up
# on all three requests (WARMUP, default 20s each: the service's JIT needs it far more than the
# bare baseline's), then each run has a 5 s warm-up and DURATION (default 15s) measured. Rate limits are off for the service (a benchmark is one caller).
# Needs: apt-get install postgresql wrk; curl, python3. Only loopback traffic.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
revs=("${@:-HEAD}")
duration=${DURATION:-15s}
pgport=${PGPORT:-15432}
port=${PORT:-18080}
work=$(mktemp -d)
chmod 755 "$work"
. bench/postgres.sh
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  stop_postgres
  for r in "${revs[@]}"; do git worktree remove --force "$work/src-$r" 2>/dev/null || true; done
  if [ -n "${KEEP:-}" ]; then echo "logs kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

./mvnw -q -B -f bench/baseline/pom.xml -DskipTests package
cp bench/baseline/target/baseline-1.jar "$work/baseline.jar"
for rev in "${revs[@]}"; do
  git worktree add --detach -q "$work/src-$rev" "$rev"
  (cd "$work/src-$rev" && ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package)
  cp "$work/src-$rev"/target/app-secrets-vault-*.jar "$work/$rev.jar"
done

start_postgres
echo "PostgreSQL $(psql -c 'show server_version') fsync=$(psql -c 'show fsync') synchronous_commit=$(psql -c 'show synchronous_commit')"

cat > "$work/create.lua" <<'LUA'
local n = 0
-- Each wrk thread has its own Lua state: seed each differently, or they send the same keys.
math.randomseed(os.time() + (tonumber(string.sub(tostring({}), 10), 16) or 0) % 1000000)
request = function()
  n = n + 1
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
  local body = string.format('{"key":"B_%d_%d","value":"%s"}', math.random(1000000000), n, string.rep("v", 64))
  return wrk.format("POST", nil, headers, body)
end
LUA

admin="bench-admin-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
key=$(head -c 32 /dev/urandom | base64)
wait_up() { for _ in $(seq 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port$1")" != 000 ] && return; sleep 0.5; done; }
# run NAME CONNECTIONS URL [wrk args...] -> "rps p99"
measure() {
  local c=$1 url=$2; shift 2
  wrk -t2 -c"$c" -d5s "$@" "$url" > /dev/null
  local out; out=$(wrk -t2 -c"$c" -d"$duration" --latency "$@" "$url")
  local non2xx; non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  [ -n "$non2xx" ] && echo "  warning: $non2xx non-2xx answers from the ${side:-?} for $c connections to $url" >&2
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "99%" {print $2}')"
}
# warm LIST ONE CREATE [wrk args...]
warm() {
  local list=$1 one=$2 create=$3; shift 3
  wrk -t2 -c16 -d"${WARMUP:-20s}" "$@" "$list" > /dev/null
  wrk -t2 -c16 -d"${WARMUP:-20s}" "$@" "$one" > /dev/null
  wrk -t2 -c16 -d"${WARMUP:-20s}" "$@" -s "$work/create.lua" "$create" > /dev/null
}
ratio() { python3 -c "print(f'{float(\"$1\") / float(\"$2\"):.2f}x')"; }

printf '%-10s %-8s %12s %10s %12s %10s %8s\n' revision test service p99 baseline p99 ratio
n=0
for rev in "${revs[@]}"; do
  n=$((n + 1))
  psql -c "CREATE DATABASE vault_$n"
  url="jdbc:postgresql://localhost:$pgport/vault_$n"
  SPRING_DATASOURCE_URL=$url SPRING_DATASOURCE_USERNAME=postgres SECRETS_ADMIN_TOKEN=$admin SECRETS_MASTER_KEY=$key \
    java ${JAVA_OPTS:-} -jar "$work/$rev.jar" --server.port="$port" --secrets.rate-limit.enabled=false \
    > "$work/$rev.log" 2>&1 &
  pid=$!
  wait_up /actuator/health/readiness
  auth=(-H "Authorization: Bearer $admin")
  app=$(curl -sf "${auth[@]}" -X POST "localhost:$port/apps" -H 'Content-Type: application/json' \
    -d '{"name":"bench"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  value=$(python3 -c 'print("v" * 64)')
  for i in $(seq 1 50); do
    secret=$(curl -sf "${auth[@]}" -X POST "localhost:$port/apps/$app/secrets" -H 'Content-Type: application/json' \
      -d "{\"key\":\"KEY_$i\",\"value\":\"$value\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  done
  # Creates go to an app of their own, so that the lists read 50 secrets throughout.
  writes=$(curl -sf "${auth[@]}" -X POST "localhost:$port/apps" -H 'Content-Type: application/json' \
    -d '{"name":"bench-writes"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  token=$(curl -sf "${auth[@]}" -X POST "localhost:$port/tokens" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench\",\"permissions\":[\"secrets:read\",\"secrets:write\"],\"appIds\":[\"$app\",\"$writes\"]}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  tauth=(-H "Authorization: Bearer $token")
  base="http://localhost:$port/apps/$app/secrets"
  declare -A svc
  side=service
  warm "$base" "$base/$secret" "http://localhost:$port/apps/$writes/secrets" "${tauth[@]}"
  svc[list16]=$(measure 16 "$base" "${tauth[@]}")
  svc[list64]=$(measure 64 "$base" "${tauth[@]}")
  svc[one16]=$(measure 16 "$base/$secret" "${tauth[@]}")
  svc[create16]=$(measure 16 "http://localhost:$port/apps/$writes/secrets" "${tauth[@]}" -s "$work/create.lua")
  rss=$(ps -o rss= -p "$pid" | awk '{printf "%.0f", $1/1024}')
  kill "$pid"; wait "$pid" 2>/dev/null || true

  java -jar "$work/baseline.jar" --server.port="$port" --spring.datasource.url="$url" \
    --spring.datasource.username=postgres > "$work/baseline-$n.log" 2>&1 &
  pid=$!
  wait_up "/apps/$app/secrets"
  declare -A ref
  side=baseline
  warm "$base" "$base/$secret" "http://localhost:$port/apps/$writes/secrets"
  ref[list16]=$(measure 16 "$base")
  ref[list64]=$(measure 64 "$base")
  ref[one16]=$(measure 16 "$base/$secret")
  ref[create16]=$(measure 16 "http://localhost:$port/apps/$writes/secrets" -s "$work/create.lua")
  kill "$pid"; wait "$pid" 2>/dev/null || true

  for t in list16 list64 one16 create16; do
    read -r srps sp99 <<< "${svc[$t]}"
    read -r brps bp99 <<< "${ref[$t]}"
    printf '%-10s %-8s %12s %10s %12s %10s %8s\n' "$rev" "$t" "$srps" "$sp99" "$brps" "$bp99" "$(ratio "$srps" "$brps")"
  done
  echo "$rev: service RSS after load ${rss} MiB"
done
