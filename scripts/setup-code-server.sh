#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.99.4 = VS Code 1.99.3) for the integration tests
# and the demo, without the network access its postinstall wants (see
# /work/shared/notes/real-vscode-offline.md for why each step is here).
#
#   scripts/setup-code-server.sh        -> prints the code-server binary path on its last line
#
# - Cache outside the repo: ${RNN_STUDIO_CACHE:-$HOME/.cache/rnn-studio}/code-server-4.99.4
# - Idempotent: a stamp file (written last) records version + Node ABI; with a valid stamp a
#   re-run only checks the apt packages and exits (about a second). An interrupted install
#   has no stamp, so the next run wipes the folder and starts over.
# - Debian packages (chromium, libkrb5-dev, ripgrep, python3, make, g++): checked and, as
#   root, installed by scripts/ensure-setup.mjs --apt-only (RNN_STUDIO_SKIP_APT=1 skips it).
set -euo pipefail

VERSION=4.99.4
CACHE="${RNN_STUDIO_CACHE:-$HOME/.cache/rnn-studio}"
DIR="$CACHE/code-server-$VERSION"
STAMP="$DIR/.rnn-studio-installed"
BIN="$DIR/node_modules/.bin/code-server"
VSCODE="$DIR/node_modules/code-server/lib/vscode"

log() { printf '[setup-code-server] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- apt packages
# The one check of the Debian packages, shared with `npm start` / `npm test`.
ensure_apt_packages() {
  node "$(dirname "$0")/ensure-setup.mjs" --apt-only >&2
}

# ---------------------------------------------------------------- stamp
node_abi() { node -p 'process.versions.modules + "-" + process.platform + "-" + process.arch'; }
stamp_text() { printf 'code-server %s\nnode-abi %s\n' "$VERSION" "$(node_abi)"; }

stamp_ok() {
  [ -f "$STAMP" ] && [ -x "$BIN" ] && [ "$(cat "$STAMP")" = "$(stamp_text)" ]
}

# ---------------------------------------------------------------- install
install_code_server() {
  local t0=$SECONDS
  log "installing code-server@$VERSION into $DIR (takes about 2 minutes)"
  rm -rf "$DIR"
  mkdir -p "$DIR"
  # a package.json of its own so npm never walks up into another project
  printf '{ "name": "rnn-studio-code-server", "private": true }\n' >"$DIR/package.json"

  local npm_quiet=(--no-audit --no-fund --loglevel=error)
  # node-gyp must not download headers (no network): build against the installed Node's.
  local nodedir
  nodedir="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  if [ -f "$nodedir/include/node/node_version.h" ]; then
    export npm_config_nodedir="$nodedir"
  else
    log "warning: no Node headers under $nodedir/include/node; node-gyp may try to download them"
  fi
  export npm_config_yes=true

  # 2. code-server itself, without its postinstall (which downloads ripgrep from GitHub)
  (cd "$DIR" && npm install --ignore-scripts "${npm_quiet[@]}" "code-server@$VERSION" >&2)
  (cd "$DIR" && npm rebuild argon2 "${npm_quiet[@]}" >&2)
  log "code-server package installed ($((SECONDS - t0)) s)"

  # 3. VS Code's own runtime dependencies and native modules
  (cd "$VSCODE" && npm install --omit=dev --ignore-scripts "${npm_quiet[@]}" >&2)
  (cd "$VSCODE" && npm rebuild "${npm_quiet[@]}" \
    node-pty @parcel/watcher @vscode/spdlog kerberos native-watchdog @vscode/deviceid >&2)
  log "VS Code dependencies installed and natives rebuilt ($((SECONDS - t0)) s)"

  # 4. links the postinstall would have made
  mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
  ln -sfn /usr/bin/rg "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
  ln -sfn node_modules "$VSCODE/node_modules.asar"
  ln -sfn code-linux.sh "$VSCODE/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$VSCODE/bin/helpers/browser.sh"

  # 5. built-in extensions' dependencies (TypeScript for the JS/TS language features)
  (cd "$VSCODE/extensions" && npm install --omit=dev --ignore-scripts "${npm_quiet[@]}" >&2 \
    && node ./postinstall.mjs >/dev/null)
  log "built-in extensions prepared ($((SECONDS - t0)) s)"

  # sanity check before the stamp
  # (--config /dev/null: do not write a default ~/.config/code-server/config.yaml)
  local v
  v="$("$BIN" --config /dev/null --version 2>&1 || true)"
  if ! grep -q "^$VERSION " <<<"$v"; then
    log "unexpected 'code-server --version' output: $v"
    exit 1
  fi
  stamp_text >"$STAMP.tmp"
  mv -f "$STAMP.tmp" "$STAMP"
  log "done in $((SECONDS - t0)) s"
}

ensure_apt_packages
mkdir -p "$CACHE"
if ! stamp_ok; then
  # one installer at a time (npm start and npm test may race on a fresh machine)
  exec 9>"$CACHE/.code-server-$VERSION.lock"
  if command -v flock >/dev/null 2>&1; then flock 9; fi
  stamp_ok || install_code_server
fi
echo "$BIN"
