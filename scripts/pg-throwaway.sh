#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: `start DIR` creates a cluster in DIR (initdb, trust auth,
# listening on a free 127.0.0.1 port only), starts it and prints its URL (postgresql://postgres@127.0.0.1:PORT/postgres);
# `stop DIR` stops it and deletes DIR. Uses Debian's postgresql-15 binaries (apt-get install postgresql-15);
# run as root, the server runs as the `postgres` user. Used by .ci/run and by the tests' fixture.
# `start DIR ADDRESS/PREFIX [NETNS]` listens on ADDRESS only (and DIR's socket), trusts the network
# ADDRESS/PREFIX and, with NETNS, runs the server inside that network namespace (scripts/two-hosts.sh).
set -euo pipefail
cmd=${1:-}
dir=${2:-}
listen=${3:-127.0.0.1/32}
netns=${4:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start DIR [ADDRESS/PREFIX [NETNS]] | stop DIR" >&2
  exit 2
fi
address=${listen%%/*}
bin=""
for v in 15 16 17 14; do
  if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then bin="/usr/lib/postgresql/$v/bin"; break; fi
done
if [ -z "$bin" ]; then
  echo "no PostgreSQL server binaries under /usr/lib/postgresql: install Debian's package postgresql-15" >&2
  exit 3
fi
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
in_ns() {
  if [ -n "$netns" ]; then ip netns exec "$netns" "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    chmod 700 "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    network=$(python3 -c 'import ipaddress, sys; print(ipaddress.ip_interface(sys.argv[1]).network)' "$listen")
    if [ "$network" != 127.0.0.1/32 ]; then
      echo "host all all $network trust" >>"$dir/data/pg_hba.conf"
    fi
    port=$(in_ns python3 -c 'import socket, sys; s=socket.socket(); s.bind((sys.argv[1], 0)); print(s.getsockname()[1]); s.close()' "$address")
    pg_ctl=("$bin/pg_ctl")
    if [ "$(id -u)" = 0 ]; then pg_ctl=(runuser -u postgres -- "${pg_ctl[@]}"); fi
    in_ns "${pg_ctl[@]}" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=$address -p $port -k $dir -c max_connections=100 -c fsync=off" start >&2 \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "postgresql://postgres@$address:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR [ADDRESS/PREFIX [NETNS]] | stop DIR" >&2
    exit 2
    ;;
esac
