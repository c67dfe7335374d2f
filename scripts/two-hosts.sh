#!/usr/bin/env bash
# Two hosts on one machine for the distributed-search tests: two network namespaces, a "database host"
# lathe-db-NAME (10.213.77.1/30) and a "worker host" lathe-wk-NAME (10.213.77.2/30), joined by a veth pair
# and nothing else (each has only its own loopback), with a throwaway PostgreSQL (scripts/pg-throwaway.sh)
# running in the database host and listening only on 10.213.77.1 and its socket directory DIR.
#   up NAME DIR          builds both hosts, starts the server, prints its URL; on any failure removes
#                        everything it made (exit 4: network namespaces refused here, 3: no PostgreSQL)
#   down NAME [DIR]      stops the server, kills what still runs in the two hosts, deletes DIR, the
#                        namespaces and the veth pair (always exit 0)
#   exec NAME db|worker COMMAND...   runs COMMAND in that host
# NAME: 1 to 10 lower-case letters or digits (the tests use their pid), so that runs do not collide; the
# addresses live inside the namespaces, so two runs at once do not clash either. Run as root.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
readonly DB_ADDRESS=10.213.77.1 WORKER_ADDRESS=10.213.77.2 PREFIX=30

usage() {
  echo "usage: $0 up NAME DIR | down NAME [DIR] | exec NAME db|worker COMMAND..." >&2
  exit 2
}

cmd=${1:-}
name=${2:-}
[ -n "$cmd" ] && [[ $name =~ ^[a-z0-9]{1,10}$ ]] || usage
db_ns=lathe-db-$name
worker_ns=lathe-wk-$name
db_veth=ldb-$name
worker_veth=lwk-$name

down() {
  local dir=${1:-}
  if [ -n "$dir" ]; then bash "$here/pg-throwaway.sh" stop "$dir" || true; fi
  for ns in "$db_ns" "$worker_ns"; do
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -KILL 2>/dev/null || true
  done
  ip netns delete "$db_ns" 2>/dev/null || true
  ip netns delete "$worker_ns" 2>/dev/null || true
  ip link delete "$db_veth" 2>/dev/null || true # only if it never left this namespace
}

refused() {
  echo "two-hosts: $1" >&2
  exit 4
}

up() {
  local dir=$1
  [ "$(id -u)" = 0 ] || refused "network namespaces need root (running as uid $(id -u))"
  command -v ip >/dev/null || refused "no 'ip' command (Debian package iproute2)"
  if ip netns list | grep -qw "$db_ns"; then
    echo "two-hosts: $db_ns is already up (two-hosts.sh down $name DIR removes it)" >&2
    exit 1
  fi
  local err
  err=$(ip netns add "$db_ns" 2>&1) || refused "'ip netns add $db_ns' was refused: $err"
  trap "down $(printf %q "$dir")" EXIT
  ip netns add "$worker_ns"
  ip link add "$db_veth" type veth peer name "$worker_veth"
  ip link set "$db_veth" netns "$db_ns"
  ip link set "$worker_veth" netns "$worker_ns"
  ip -n "$db_ns" addr add "$DB_ADDRESS/$PREFIX" dev "$db_veth"
  ip -n "$worker_ns" addr add "$WORKER_ADDRESS/$PREFIX" dev "$worker_veth"
  for ns in "$db_ns" "$worker_ns"; do ip -n "$ns" link set lo up; done
  ip -n "$db_ns" link set "$db_veth" up
  ip -n "$worker_ns" link set "$worker_veth" up
  bash "$here/pg-throwaway.sh" start "$dir" "$DB_ADDRESS/$PREFIX" "$db_ns"
  trap - EXIT
}

case "$cmd" in
  up)
    [ $# -eq 3 ] || usage
    up "$3"
    ;;
  down)
    down "${3:-}"
    ;;
  exec)
    [ $# -ge 4 ] || usage
    case "$3" in
      db) ns=$db_ns ;;
      worker) ns=$worker_ns ;;
      *) usage ;;
    esac
    shift 3
    exec ip netns exec "$ns" "$@"
    ;;
  *)
    usage
    ;;
esac
