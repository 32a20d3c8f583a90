# shellcheck shell=bash
# Sourced by .ci/run before `make test`: installs (when missing) and starts the system services
# the review tests need, and exports where to find them:
#   - Debian's chromium at /usr/bin/chromium (Playwright drives it; no browser download)
#   - a throw-away PostgreSQL server on 127.0.0.1, a free port, exported as
#     PATHSPAN_TEST_PG_URL=postgresql+psycopg://…; stopped when the sourcing shell exits.
# Safe under `set -euo pipefail`; a PATHSPAN_TEST_PG_URL already set is used as it is.

_pathspan_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

_pathspan_apt_install() {
  echo "services.sh: installing $*" >&2
  _pathspan_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  _pathspan_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Chromium ------------------------------------------------------------------------------
if [ ! -x /usr/bin/chromium ]; then
  _pathspan_apt_install chromium
fi

# --- PostgreSQL ----------------------------------------------------------------------------
_pathspan_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

if [ -z "${PATHSPAN_TEST_PG_URL:-}" ]; then
  if ! _pathspan_pg_bin >/dev/null; then
    _pathspan_apt_install postgresql
  fi
  PATHSPAN_PG_BIN="$(_pathspan_pg_bin)"
  PATHSPAN_PG_DIR="$(mktemp -d /tmp/pathspan-pg.XXXXXX)"
  PATHSPAN_PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  # initdb refuses to run as root: run the server as the `postgres` user the Debian package
  # creates (created here if the binaries came without it).
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PATHSPAN_PG_DIR" postgres
    chown postgres "$PATHSPAN_PG_DIR"
    _pathspan_pg() { runuser -u postgres -- "$@"; }
  else
    _pathspan_pg() { "$@"; }
  fi
  _pathspan_pg "$PATHSPAN_PG_BIN/initdb" -D "$PATHSPAN_PG_DIR/data" -U postgres -A trust \
    --no-sync -E UTF8 >"$PATHSPAN_PG_DIR/initdb.log"
  _pathspan_pg "$PATHSPAN_PG_BIN/pg_ctl" -D "$PATHSPAN_PG_DIR/data" -l "$PATHSPAN_PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PATHSPAN_PG_PORT -k $PATHSPAN_PG_DIR -c fsync=off" start >/dev/null
  _pathspan_pg "$PATHSPAN_PG_BIN/createdb" -h 127.0.0.1 -p "$PATHSPAN_PG_PORT" -U postgres pathspan_test
  export PATHSPAN_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PATHSPAN_PG_PORT/pathspan_test"
  export PATHSPAN_PG_BIN PATHSPAN_PG_DIR
  _pathspan_pg_stop() {
    _pathspan_pg "$PATHSPAN_PG_BIN/pg_ctl" -D "$PATHSPAN_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PATHSPAN_PG_DIR"
  }
  trap _pathspan_pg_stop EXIT
  echo "services.sh: PostgreSQL on 127.0.0.1:$PATHSPAN_PG_PORT ($PATHSPAN_TEST_PG_URL)" >&2
fi
