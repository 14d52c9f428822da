#!/usr/bin/env bash
# How long does a bulk import of 10,000 keys take, against creating them one request at a time?
#   bench/import.sh [REV...]                 (default: HEAD; several: one after the other, each on a
#                                            fresh database, e.g. bench/import.sh 2f91d5f HEAD)
# Debian's PostgreSQL (fsync and synchronous_commit on) with the service on it, rate limits off.
# In one run, each on a fresh app: 10,000 POST /apps/{id}/secrets one after another on one
# keep-alive connection (what a script without the bulk endpoint does); then PUT /apps/{id}/secrets
# with 10,000 keys of 64-byte values as JSON and as dotenv, five times each; then the same 10,000
# again (all unchanged), all changed (10,000 new versions) and all changed with prune=true.
# The last revision runs with Java Flight Recorder on; bench/jfr-summary.py prints where its CPU
# went.
# Needs: apt-get install postgresql; curl, python3.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
revs=("${@:-HEAD}")
keys=${KEYS:-10000}
pgport=${PGPORT:-15434}
port=${PORT:-18082}
work=$(mktemp -d)
chmod 755 "$work"
. bench/postgres.sh
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  stop_postgres
  for i in "${!revs[@]}"; do git worktree remove --force "$work/src$i" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
for i in "${!revs[@]}"; do
  git worktree add --detach -q "$work/src$i" "${revs[$i]}"
  (cd "$work/src$i" && ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package)
  cp "$work"/src$i/target/app-secrets-vault-*.jar "$work/service$i.jar"
done
ready() { for _ in $(seq 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/actuator/health/readiness")" = 200 ] && return; sleep 0.05; done; }

start_postgres
for i in "${!revs[@]}"; do
echo "== ${revs[$i]} ($(git rev-parse --short "${revs[$i]}"))"
psql -c "DROP DATABASE IF EXISTS vault"
psql -c "CREATE DATABASE vault"
jfr=()
[ "$i" = "$((${#revs[@]} - 1))" ] && jfr=(-XX:StartFlightRecording=filename="$work/import.jfr",settings=profile)
admin="bench-admin-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$pgport/vault" SPRING_DATASOURCE_USERNAME=postgres \
  SECRETS_ADMIN_TOKEN=$admin SECRETS_MASTER_KEY=$(head -c 32 /dev/urandom | base64) \
  java "${jfr[@]}" -jar "$work/service$i.jar" \
  --server.port="$port" --secrets.rate-limit.enabled=false > "$work/service.log" 2>&1 &
ready
export BASE="http://localhost:$port" ADMIN="$admin" KEYS="$keys" WORK="$work"
python3 - <<'PY'
import http.client, json, os, random, string, time, urllib.parse

base = urllib.parse.urlparse(os.environ["BASE"])
keys = int(os.environ["KEYS"])
auth = {"Authorization": "Bearer " + os.environ["ADMIN"]}
conn = http.client.HTTPConnection(base.hostname, base.port, timeout=120)

def call(method, path, body=None, content_type="application/json"):
    headers = dict(auth)
    if body is not None:
        headers["Content-Type"] = content_type
        body = body if isinstance(body, bytes) else json.dumps(body).encode()
    start = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    reply = conn.getresponse()
    data = reply.read()
    elapsed = time.perf_counter() - start
    if reply.status >= 300:
        raise SystemExit(f"{method} {path}: {reply.status} {data[:300]!r}")
    return json.loads(data) if data else None, elapsed

def app(name):
    return call("POST", "/apps", {"name": name})[0]["id"]

def values(seed):
    rnd = random.Random(seed)
    return {f"KEY_{i:05d}": "".join(rnd.choices(string.ascii_letters + string.digits, k=64)) for i in range(keys)}

def dotenv(entries):
    return "".join(f"{k}={v}\n" for k, v in entries.items()).encode()

# Warm-up: the JIT and the connection pool, on an app of its own.
for _ in range(3):
    call("PUT", f"/apps/{app('warm-up')}/secrets", values(0))

one_by_one = app("one-by-one")
start = time.perf_counter()
for key, value in values(1).items():
    call("POST", f"/apps/{one_by_one}/secrets", {"key": key, "value": value})
print(f"{keys} POST /secrets one after another: {time.perf_counter() - start:6.2f} s")

for label, body, content_type in (("JSON", values(2), "application/json"), ("dotenv", dotenv(values(2)), "text/plain")):
    times = []
    for attempt in range(5):
        answer, elapsed = call("PUT", f"/apps/{app(label + str(attempt))}/secrets", body, content_type)
        assert answer["counts"]["created"] == keys, answer["counts"]
        times.append(elapsed)
    times.sort()
    print(f"one PUT of {keys} new keys, {label:6}: median {times[2]:5.2f} s, slowest {times[4]:5.2f} s of 5")

target = app("resync")
call("PUT", f"/apps/{target}/secrets", values(3))
for label, path, body, expected in (
        ("all unchanged", "", values(3), "unchanged"),
        ("all changed", "", values(4), "updated"),
        ("all changed, prune=true", "?prune=true", values(5), "updated")):
    answer, elapsed = call("PUT", f"/apps/{target}/secrets{path}", body)
    assert answer["counts"][expected] == keys, answer["counts"]
    print(f"one PUT of {keys} keys, {label:24}: {elapsed:5.2f} s")
PY
kill "$(jobs -p)"; wait 2>/dev/null || true
done
echo "CPU profile of the whole run (bench/jfr-summary.py):"
python3 bench/jfr-summary.py "$work/import.jfr" 2>/dev/null | head -25 || true
