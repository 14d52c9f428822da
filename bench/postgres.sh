# Debian's PostgreSQL for the benchmarks, sourced by bench/vs-baseline.sh and bench/scale.sh:
# started as the postgres user in "$work/pg" on "$pgport", fsync and synchronous_commit on (the
# defaults, as in production). Needs $work and $pgport set.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

start_postgres() {
  mkdir "$work/pg" && chown postgres "$work/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" --auth=trust >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
    -o "-p $pgport -k $work/pg -c max_connections=200 -c shared_buffers=256MB" start >/dev/null
}

stop_postgres() {
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
}

psql() { command psql -h localhost -p "$pgport" -U postgres -qAt "$@"; }
