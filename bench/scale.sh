#!/usr/bin/env bash
# Does the read path stay flat as the data grows? And how long does the jar take to start?
#   bench/scale.sh [REV]                     (default: HEAD)
# 1. Start-up: the jar on the development default (embedded PostgreSQL, fresh data directory),
#    timed from launch to a ready readiness probe, twice (the first run unpacks PostgreSQL).
# 2. Scale: Debian's PostgreSQL (fsync and synchronous_commit on) with the service on it; one
#    measured app of 50 secrets made through the API, an app-scoped API token; then filler apps
#    and secrets written straight into the tables (their values are random bytes that are never
#    read), at 1,000 apps x 50 secrets and then 100,000 apps x 10 secrets; at each size wrk reads
#    the measured app's list and one secret (16 connections) and prints p50 and p99.
# Needs: apt-get install postgresql wrk; curl, python3.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
rev=${1:-HEAD}
duration=${DURATION:-15s}
pgport=${PGPORT:-15433}
port=${PORT:-18081}
work=$(mktemp -d)
chmod 755 "$work"
. bench/postgres.sh
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  stop_postgres
  git worktree remove --force "$work/src" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
git worktree add --detach -q "$work/src" "$rev"
(cd "$work/src" && ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package)
cp "$work"/src/target/app-secrets-vault-*.jar "$work/service.jar"
ready() { for _ in $(seq 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/actuator/health/readiness")" = 200 ] && return; sleep 0.05; done; }

# Run 1 on a fresh data directory (initdb included), run 2 a restart on the same one.
rm -rf "$work/data"
for attempt in 1 2; do
  start=$(date +%s.%N)
  java -jar "$work/service.jar" --server.port="$port" --secrets.embedded.data-dir="$work/data" > "$work/startup-$attempt.log" 2>&1 &
  pid=$!
  ready
  end=$(date +%s.%N)
  printf 'start-up to ready, development default, run %s: %.1f s (%s)\n' "$attempt" "$(echo "$end - $start" | bc)" \
    "$(grep -o 'Started AppSecretsVaultApplication in [0-9.]* seconds' "$work/startup-$attempt.log" || true)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done

start_postgres
psql -c "CREATE DATABASE vault"
db() { psql -d vault "$@"; }
admin="bench-admin-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$pgport/vault" SPRING_DATASOURCE_USERNAME=postgres \
  SECRETS_ADMIN_TOKEN=$admin SECRETS_MASTER_KEY=$(head -c 32 /dev/urandom | base64) \
  java -jar "$work/service.jar" --server.port="$port" --secrets.rate-limit.enabled=false > "$work/service.log" 2>&1 &
ready
auth=(-H "Authorization: Bearer $admin")
app=$(curl -sf "${auth[@]}" -X POST "localhost:$port/apps" -H 'Content-Type: application/json' -d '{"name":"measured"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for i in $(seq 1 50); do
  secret=$(curl -sf "${auth[@]}" -X POST "localhost:$port/apps/$app/secrets" -H 'Content-Type: application/json' \
    -d "{\"key\":\"KEY_$i\",\"value\":\"$(python3 -c 'print("v" * 64)')\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
done
token=$(curl -sf "${auth[@]}" -X POST "localhost:$port/tokens" -H 'Content-Type: application/json' \
  -d "{\"name\":\"scale\",\"permissions\":[\"secrets:read\"],\"appIds\":[\"$app\"]}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
tauth=(-H "Authorization: Bearer $token")
latency() {
  wrk -t2 -c16 -d5s "${tauth[@]}" "$1" > /dev/null
  wrk -t2 -c16 -d"$duration" --latency "${tauth[@]}" "$1" | awk '/Requests\/sec/ {r=$2} $1 == "50%" {p50=$2} $1 == "99%" {p99=$2} END {printf "%8s req/s  p50 %8s  p99 %8s", r, p50, p99}'
}
# Warm the JVM first, so that the first size is not measured on a colder one than the second.
wrk -t2 -c16 -d30s "${tauth[@]}" "http://localhost:$port/apps/$app/secrets" > /dev/null
wrk -t2 -c16 -d15s "${tauth[@]}" "http://localhost:$port/apps/$app/secrets/$secret" > /dev/null
for size in "1000 50" "100000 10"; do
  read -r apps per <<< "$size"
  db -c "DELETE FROM apps WHERE name = 'filler'"
  db -c "INSERT INTO apps (id, name, created_at, updated_at) SELECT gen_random_uuid(), 'filler', now(), now() FROM generate_series(1, $apps)"
  db -c "INSERT INTO app_secrets (id, app_id, key, sealed_value, dek_id, created_at, updated_at, version)
           SELECT gen_random_uuid(), a.id, 'KEY_' || k, decode(md5(random()::text) || md5(random()::text), 'hex'),
                  (SELECT id FROM data_keys WHERE active), now(), now(), 1
           FROM apps a CROSS JOIN generate_series(1, $per) k WHERE a.name = 'filler'"
  db -c "VACUUM ANALYZE"
  rows=$(db -c "SELECT count(*) FROM app_secrets")
  echo "$apps apps x $per secrets ($rows secret rows):"
  echo "  list  $(latency "http://localhost:$port/apps/$app/secrets")"
  echo "  one   $(latency "http://localhost:$port/apps/$app/secrets/$secret")"
done
echo "service RSS after load: $(ps -o rss= -p "$(jobs -p | tail -1)" | awk '{printf "%.0f MiB", $1/1024}')"
