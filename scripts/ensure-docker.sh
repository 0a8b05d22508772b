#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine, for the tests and launches that need one.
# As root on a machine without an engine: installs Debian's docker.io when dockerd is missing, starts
# dockerd in the background (overlay2 when the kernel has overlayfs, vfs otherwise) and waits for it.
# With --swarm, also makes the engine a single-node swarm manager (Docker Secrets need one).
set -euo pipefail
LOG="${HARBOR_DOCKERD_LOG:-/var/log/harbor-dockerd.log}"
swarm=false
[ "${1:-}" = "--swarm" ] && swarm=true

answers() { docker info --format '{{.ServerVersion}}' >/dev/null 2>&1; }

wait_for_engine() {
  local i
  for i in $(seq 1 90); do
    answers && return 0
    sleep 1
  done
  return 1
}

if ! answers; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-docker: no Docker engine answers, and only root can start one here" >&2
    exit 1
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    echo "ensure-docker: installing Debian's docker.io" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq docker.io >/dev/null
  fi
  driver=vfs
  if grep -qw overlay /proc/filesystems; then driver=overlay2; fi
  echo "ensure-docker: starting dockerd with the $driver storage driver (log: $LOG)" >&2
  nohup dockerd --storage-driver="$driver" >>"$LOG" 2>&1 &
  if ! wait_for_engine; then
    if [ "$driver" = overlay2 ]; then
      echo "ensure-docker: overlay2 did not come up; trying vfs" >&2
      pkill -x dockerd || true
      nohup dockerd --storage-driver=vfs >>"$LOG" 2>&1 &
      wait_for_engine || { tail -n 20 "$LOG" >&2; exit 1; }
    else
      tail -n 20 "$LOG" >&2
      exit 1
    fi
  fi
fi

if $swarm && [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" != "active" ]; then
  docker swarm init --advertise-addr 127.0.0.1 >/dev/null
fi
echo "ensure-docker: engine $(docker info --format '{{.ServerVersion}}'), storage $(docker info --format '{{.Driver}}'), swarm $(docker info --format '{{.Swarm.LocalNodeState}}')" >&2
