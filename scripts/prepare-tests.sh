#!/usr/bin/env bash
# Prepares this machine for ./harbor test: a running Docker engine (a single-node swarm, for Docker
# Secrets), the locally built test images (MCP reference servers, a memory hog), Debian's
# Chromium for the UI's browser tests, and curl for the examples of docs/agents.md. Safe to run
# again: each step does nothing when its part is already there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v curl >/dev/null; then
  echo "prepare-tests: installing curl" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl ca-certificates >/dev/null
fi
"$ROOT/scripts/ensure-docker.sh" --swarm
"$ROOT/scripts/build-test-images.sh"
"$ROOT/scripts/ensure-chromium.sh"
