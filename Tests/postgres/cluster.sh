#!/bin/bash
# A private PostgreSQL cluster for the tests: initdb in a temporary folder as an unprivileged
# user, listening on a free loopback port and a socket in that folder, with the two roles the
# tests use (dsr_owner, which owns the schema and may create databases, and dsr_app, the
# server's role). Nothing outside the folder is touched.
#
#   eval "$(Tests/postgres/cluster.sh start)"   # prints the DSR_TEST_POSTGRES_* exports
#   swift test
#   Tests/postgres/cluster.sh stop "$DSR_TEST_POSTGRES_DIR"
#
# `halt DIR` stops the server and keeps its data, `resume DIR` starts it again on its port
# (the tests of connection loss do that to a cluster of their own).
set -euo pipefail

# The server must not inherit the caller's descriptors beyond 0-2 (a test runner waits for
# them to close to see this script end).
for fd in $(ls /proc/$$/fd); do
    [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null || true
done

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "cluster.sh: PostgreSQL's server is not installed (apt-get install postgresql)" >&2; exit 69; }

# As root, the cluster runs as nobody (initdb refuses root).
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
    dir=$(mktemp -d /tmp/dsr-postgres.XXXXXX)
    [ "$(id -u)" = 0 ] && chown nobody "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    echo "$port" >"$dir/port"
    "$0" resume "$dir"
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE dsr_owner LOGIN CREATEDB" -c "CREATE ROLE dsr_app LOGIN"
    echo "export DSR_TEST_POSTGRES_DIR=$dir"
    echo "export DSR_TEST_POSTGRES_URL='postgres://dsr_owner@127.0.0.1:$port/postgres?sslmode=disable'"
    echo "export DSR_TEST_POSTGRES_SERVER_ROLE=dsr_app"
    ;;
resume)
    dir=${2:?usage: cluster.sh resume DIR}
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $(cat "$dir/port") -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    ;;
halt)
    as_owner "$bin/pg_ctl" -D "${2:?usage: cluster.sh halt DIR}/data" -m fast -w stop >/dev/null
    ;;
stop)
    dir=${2:?usage: cluster.sh stop DIR}
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: cluster.sh start | halt DIR | resume DIR | stop DIR" >&2
    exit 64
    ;;
esac
