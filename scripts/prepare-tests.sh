#!/usr/bin/env bash
# Prepares this machine for ./harbor test: a running Docker engine (a single-node swarm, for Docker
# Secrets), the locally built test images (MCP reference servers, a memory hog) and Debian's
# Chromium for the UI's browser tests. Safe to run again: each step does nothing when its part is
# already there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/ensure-docker.sh" --swarm
"$ROOT/scripts/build-test-images.sh"
"$ROOT/scripts/ensure-chromium.sh"
