#!/usr/bin/env bash
# scripts/test-services.sh - local backing services for the Automation test suite
# (RabbitMQ, PostgreSQL, an SMTP sink writing to a Maildir, Chromium), without Docker or systemd.
#
#   source scripts/test-services.sh start   start or reuse the services and export AUTOMATION_TEST_* here
#   scripts/test-services.sh start          the same, but the exports only live in the child process
#   eval "$(scripts/test-services.sh env)"  export AUTOMATION_TEST_* for services that answer right now
#   scripts/test-services.sh status         one line per service, starts nothing
#   scripts/test-services.sh stop           stop what this script started (found through its pid files)
#   scripts/test-services.sh vhost-add NAME     a RabbitMQ virtual host for one test host (guest may use it)
#   scripts/test-services.sh vhost-delete NAME  remove it again
#   scripts/test-services.sh vhost-queues NAME  its queues: name, ready, unacknowledged, consumers
#
# Exported by `start` / printed by `env`:
#   AUTOMATION_TEST_RABBITMQ  amqp://guest:guest@127.0.0.1:5672/
#   AUTOMATION_TEST_POSTGRES  Host=127.0.0.1;Port=5432;Username=automation;Password=automation;Database=automation
#   AUTOMATION_TEST_SMTP      127.0.0.1:2525
#   AUTOMATION_TEST_MAILDIR   <state>/maildir  (Maildir layout: new/ cur/ tmp/)
#   AUTOMATION_TEST_CHROMIUM  /usr/bin/chromium
#   AUTOMATION_TEST_MISSING   space-separated names of unavailable services (empty when everything is ready)
#   AUTOMATION_SERVICES_DIR   the state directory
# A service that is missing has its variable unset.
#
# State lives in ${AUTOMATION_SERVICES_DIR:-/tmp/automation-test-services}. Services that already
# answer on their port are reused, never restarted. When sourced, this file does not change the
# caller's shell options and its functions return 0, so it is safe under `set -euo pipefail`.
# When executed, `start` exits 1 if any service is missing.

_ats_init() {
    _ats_state="${AUTOMATION_SERVICES_DIR:-/tmp/automation-test-services}"
    _ats_host=127.0.0.1
    _ats_rmq_port=5672
    _ats_rmq_node=rabbit@localhost
    _ats_pg_port=5432
    _ats_smtp_port=2525
    _ats_rmq_dir="$_ats_state/rabbitmq"
    _ats_rmq_home="$_ats_rmq_dir/home"
    _ats_pg_dir="$_ats_state/postgres"
    _ats_pg_data="$_ats_pg_dir/data"
    _ats_pg_run="$_ats_pg_dir/run"
    _ats_smtp_dir="$_ats_state/smtp"
    _ats_maildir="$_ats_state/maildir"
    _ats_out=1
    _ats_missing=()
    _ats_lock_fd=
}

_ats_say() { printf '%s\n' "$*" >&"$_ats_out"; }
_ats_report() { # name status...
    local name=$1; shift
    printf '%-9s %s\n' "$name:" "$*" >&"$_ats_out"
}
_ats_mark_missing() { # name why
    _ats_missing+=("$1")
    _ats_report "$1" "missing: $2"
}

_ats_is_root() { [ "$(id -u)" = 0 ]; }

_ats_python() {
    if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else command -v python3 || true; fi
}

_ats_port_open() { # host port
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

_ats_wait_port() { # host port seconds
    local i
    for ((i = 0; i < $3 * 2; i++)); do
        if _ats_port_open "$1" "$2"; then return 0; fi
        sleep 0.5
    done
    return 1
}

_ats_pid_alive() { # pidfile
    local pid
    [ -s "$1" ] || return 1
    pid=$(head -n1 "$1" 2>/dev/null) || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null
}

_ats_close_lock_fd() {
    if [ -n "${_ats_lock_fd:-}" ]; then eval "exec ${_ats_lock_fd}>&-"; fi
}

# Start a long-running process detached from this shell (own session, no inherited lock fd,
# stdio to a log file) and record its pid in pidfile.
_ats_spawn() { # pidfile logfile cmd...
    local pidfile=$1 log=$2
    shift 2
    rm -f "$pidfile"
    (
        _ats_close_lock_fd
        cd / || exit 1
        exec nohup setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$log" 2>&1
    ) &
    local i
    for ((i = 0; i < 50; i++)); do
        [ -s "$pidfile" ] && return 0
        sleep 0.1
    done
    return 0
}

_ats_tail() { # file: indented last lines, for error reports
    if [ -f "$1" ]; then tail -n "${2:-15}" "$1" | sed 's/^/    | /' >&"$_ats_out"; fi
}

# ------------------------------------------------------------------ RabbitMQ

_ats_rmq_bindir() {
    if [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
        echo /usr/lib/rabbitmq/bin # Debian: the real scripts, not the su-to-rabbitmq wrappers in /usr/sbin
    else
        local s
        s=$(command -v rabbitmq-server 2>/dev/null || true)
        if [ -z "$s" ] && [ -x /usr/sbin/rabbitmq-server ]; then s=/usr/sbin/rabbitmq-server; fi
        if [ -n "$s" ]; then dirname "$s"; fi
    fi
}

# rabbitmqctl against our node, with the same HOME (and so the same Erlang cookie) as the server.
_ats_rmqctl() {
    local bindir
    bindir=$(_ats_rmq_bindir)
    [ -n "$bindir" ] || return 127
    HOME="$_ats_rmq_home" LC_ALL=C.UTF-8 LANG=C.UTF-8 "$bindir/rabbitmqctl" -n "$_ats_rmq_node" "$@"
}

# Send the AMQP 0-9-1 protocol header and expect a frame back (Connection.Start is a method frame).
_ats_amqp_probe() {
    local py
    py=$(_ats_python)
    [ -n "$py" ] || return 0 # nothing to probe with; the open port has to do
    "$py" - "$_ats_host" "$_ats_rmq_port" <<'PY' 2>/dev/null
import socket, sys
try:
    s = socket.create_connection((sys.argv[1], int(sys.argv[2])), 3)
    s.settimeout(5)
    s.sendall(b"AMQP\x00\x00\x09\x01")
    d = s.recv(8)
    s.close()
except OSError:
    sys.exit(1)
sys.exit(0 if d[:1] == b"\x01" else 1)
PY
}

_ats_rmq_prepare_home() {
    mkdir -p "$_ats_rmq_home" "$_ats_rmq_dir/mnesia" "$_ats_rmq_dir/log"
    chmod 700 "$_ats_rmq_home"
    # Same cookie as the Debian package's (/var/lib/rabbitmq), so a plain `rabbitmqctl -n rabbit@localhost ...`
    # run as root (the Debian wrapper switches to the rabbitmq user) can talk to this node too.
    if [ -r /var/lib/rabbitmq/.erlang.cookie ] && [ -s /var/lib/rabbitmq/.erlang.cookie ]; then
        if ! cmp -s /var/lib/rabbitmq/.erlang.cookie "$_ats_rmq_home/.erlang.cookie" 2>/dev/null; then
            rm -f "$_ats_rmq_home/.erlang.cookie"
            install -m 400 /var/lib/rabbitmq/.erlang.cookie "$_ats_rmq_home/.erlang.cookie"
        fi
    elif [ ! -s "$_ats_rmq_home/.erlang.cookie" ]; then
        (umask 077 && head -c 30 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F' >"$_ats_rmq_home/.erlang.cookie")
        chmod 400 "$_ats_rmq_home/.erlang.cookie"
    fi
    cat >"$_ats_rmq_dir/rabbitmq.conf" <<'EOF'
# generated by scripts/test-services.sh
loopback_users.guest = true
EOF
    if [ ! -f "$_ats_rmq_dir/enabled_plugins" ]; then echo '[].' >"$_ats_rmq_dir/enabled_plugins"; fi
    : >"$_ats_rmq_dir/rabbitmq-env.conf"
}

_ats_start_rabbitmq() {
    unset AUTOMATION_TEST_RABBITMQ
    local how
    if _ats_port_open "$_ats_host" "$_ats_rmq_port"; then
        how="reused the broker already on $_ats_host:$_ats_rmq_port"
    else
        local bindir
        bindir=$(_ats_rmq_bindir)
        if [ -z "$bindir" ]; then
            _ats_mark_missing rabbitmq "rabbitmq-server is not installed (apt-get install rabbitmq-server)"
            return 0
        fi
        local launcher="$_ats_rmq_dir/launcher.pid" log="$_ats_rmq_dir/log/console.log"
        mkdir -p "$_ats_rmq_dir/log"
        if _ats_pid_alive "$launcher"; then
            how="waited for the broker this script had already launched"
        else
            _ats_rmq_prepare_home
            : >"$log"
            rm -f "$_ats_rmq_dir/rabbitmq.pid"
            _ats_spawn "$launcher" "$log" env \
                HOME="$_ats_rmq_home" LC_ALL=C.UTF-8 LANG=C.UTF-8 \
                RABBITMQ_NODE_IP_ADDRESS="$_ats_host" \
                RABBITMQ_NODE_PORT="$_ats_rmq_port" \
                RABBITMQ_NODENAME="$_ats_rmq_node" \
                RABBITMQ_MNESIA_BASE="$_ats_rmq_dir/mnesia" \
                RABBITMQ_LOG_BASE="$_ats_rmq_dir/log" \
                RABBITMQ_PID_FILE="$_ats_rmq_dir/rabbitmq.pid" \
                RABBITMQ_CONFIG_FILE="$_ats_rmq_dir/rabbitmq.conf" \
                RABBITMQ_ENABLED_PLUGINS_FILE="$_ats_rmq_dir/enabled_plugins" \
                RABBITMQ_CONF_ENV_FILE="$_ats_rmq_dir/rabbitmq-env.conf" \
                "$bindir/rabbitmq-server"
            how="started $_ats_rmq_node (state in $_ats_rmq_dir)"
        fi
        local deadline=$((SECONDS + ${AUTOMATION_RABBITMQ_START_TIMEOUT:-90})) up=
        while ((SECONDS < deadline)); do
            if ! _ats_pid_alive "$launcher"; then break; fi
            if [ -s "$_ats_rmq_dir/rabbitmq.pid" ] &&
                _ats_rmqctl await_startup --timeout $((deadline - SECONDS > 5 ? deadline - SECONDS : 5)) >>"$_ats_rmq_dir/log/ctl.log" 2>&1 &&
                _ats_port_open "$_ats_host" "$_ats_rmq_port"; then
                up=1
                break
            fi
            sleep 2
        done
        if [ -z "$up" ]; then
            if _ats_pid_alive "$launcher"; then
                _ats_mark_missing rabbitmq "did not finish starting within ${AUTOMATION_RABBITMQ_START_TIMEOUT:-90}s (log: $log)"
            else
                _ats_mark_missing rabbitmq "rabbitmq-server exited during startup (log: $log)"
            fi
            _ats_tail "$log"
            return 0
        fi
    fi
    if ! _ats_amqp_probe; then
        _ats_mark_missing rabbitmq "$_ats_host:$_ats_rmq_port is open but does not speak AMQP 0-9-1"
        return 0
    fi
    # Tests get their own virtual host, so queues left by other software or older runs stay out of their way.
    local vhost=""
    if _ats_rmqctl add_vhost automation-test >/dev/null 2>&1 || _ats_rmqctl list_vhosts 2>/dev/null | grep -qx automation-test; then
        if _ats_rmqctl set_permissions -p automation-test guest ".*" ".*" ".*" >/dev/null 2>&1; then
            vhost="automation-test"
        fi
    fi
    export AUTOMATION_TEST_RABBITMQ="amqp://guest:guest@$_ats_host:$_ats_rmq_port/$vhost"
    _ats_report rabbitmq "ready ($how) $AUTOMATION_TEST_RABBITMQ"
}

_ats_stop_rabbitmq() {
    local launcher="$_ats_rmq_dir/launcher.pid" pidf="$_ats_rmq_dir/rabbitmq.pid"
    if ! _ats_pid_alive "$launcher" && ! _ats_pid_alive "$pidf"; then
        _ats_report rabbitmq "not started by this script (no live pid in $_ats_rmq_dir)"
        rm -f "$launcher"
        return 0
    fi
    _ats_rmqctl stop >/dev/null 2>&1 || true
    local p i
    for p in "$launcher" "$pidf"; do
        for ((i = 0; i < 30; i++)); do _ats_pid_alive "$p" || break; sleep 1; done
        if _ats_pid_alive "$p"; then kill -TERM "$(head -n1 "$p")" 2>/dev/null || true; fi
    done
    sleep 1
    for p in "$launcher" "$pidf"; do
        if _ats_pid_alive "$p"; then kill -KILL "$(head -n1 "$p")" 2>/dev/null || true; fi
        rm -f "$p"
    done
    # epmd was started by the node; stop it when no other Erlang node is registered with it.
    local epmd
    epmd=$(command -v epmd 2>/dev/null || ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | tail -n1 || true)
    if [ -n "$epmd" ] && [ -z "$("$epmd" -names 2>/dev/null | grep '^name ' || true)" ]; then
        "$epmd" -kill >/dev/null 2>&1 || true
    fi
    _ats_report rabbitmq "stopped"
}

# ------------------------------------------------------------------ PostgreSQL

_ats_pg_bindir() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
    if [ -z "$d" ]; then
        local initdb
        initdb=$(command -v initdb 2>/dev/null || true)
        if [ -n "$initdb" ]; then d=$(dirname "$initdb"); fi
    fi
    echo "$d"
}

# Run as the postgres OS user when we are root (postgres refuses to run as root).
_ats_as_pg() {
    (
        _ats_close_lock_fd
        cd / || exit 1
        if _ats_is_root; then
            if command -v runuser >/dev/null 2>&1; then
                exec runuser -u postgres -- "$@"
            else
                exec su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
            fi
        else
            exec "$@"
        fi
    )
}

_ats_pg_isready() { # -> 0 accepting, 1 rejecting (starting), 2 no response, 3 no attempt
    local bin=$1 rc=0
    if [ -n "$bin" ] && [ -x "$bin/pg_isready" ]; then
        "$bin/pg_isready" -q -h "$_ats_host" -p "$_ats_pg_port" -t 3 || rc=$?
    elif command -v pg_isready >/dev/null 2>&1; then
        pg_isready -q -h "$_ats_host" -p "$_ats_pg_port" -t 3 || rc=$?
    elif _ats_port_open "$_ats_host" "$_ats_pg_port"; then
        rc=0
    else
        rc=2
    fi
    return "$rc"
}

_ats_pg_ensure_sql() {
    cat <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'automation') THEN
    CREATE ROLE automation LOGIN SUPERUSER CREATEDB PASSWORD 'automation';
  ELSE
    ALTER ROLE automation LOGIN SUPERUSER CREATEDB PASSWORD 'automation';
  END IF;
END
$$;
SELECT 'CREATE DATABASE automation OWNER automation'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'automation')\gexec
SQL
}

# Create/refresh role and database through the first admin connection that works.
_ats_pg_ensure_role_db() { # psql-binary
    local psql=$1 out
    local -a opts=(-X -q -v ON_ERROR_STOP=1 -p "$_ats_pg_port" -d postgres)
    # 1. our own cluster, through its unix socket (trust auth for local connections)
    if [ -S "$_ats_pg_run/.s.PGSQL.$_ats_pg_port" ] &&
        out=$(_ats_pg_ensure_sql | "$psql" "${opts[@]}" -h "$_ats_pg_run" -U postgres 2>&1); then
        return 0
    fi
    # 2. a Debian/system cluster: peer auth as the postgres OS user on the default socket
    if _ats_is_root && id postgres >/dev/null 2>&1 &&
        out=$(_ats_pg_ensure_sql | _ats_as_pg "$psql" "${opts[@]}" 2>&1); then
        return 0
    fi
    # 3. TCP with the automation role itself, then the usual CI default postgres/postgres
    if out=$(_ats_pg_ensure_sql | PGPASSWORD=automation "$psql" "${opts[@]}" -h "$_ats_host" -U automation 2>&1); then
        return 0
    fi
    if out=$(_ats_pg_ensure_sql | PGPASSWORD=postgres PGCONNECT_TIMEOUT=5 "$psql" "${opts[@]}" -h "$_ats_host" -U postgres 2>&1); then
        return 0
    fi
    _ats_pg_last_error=$out
    return 1
}

_ats_pg_write_conf() {
    cat >"$_ats_pg_data/automation-test.conf" <<EOF
# generated by scripts/test-services.sh (test cluster: durability traded for speed)
listen_addresses = '$_ats_host'
port = $_ats_pg_port
unix_socket_directories = '$_ats_pg_run'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
EOF
    if ! grep -q "^include_if_exists = 'automation-test.conf'" "$_ats_pg_data/postgresql.conf"; then
        echo "include_if_exists = 'automation-test.conf'" >>"$_ats_pg_data/postgresql.conf"
    fi
    if _ats_is_root; then chown postgres: "$_ats_pg_data/automation-test.conf"; fi
}

_ats_start_postgres() {
    unset AUTOMATION_TEST_POSTGRES
    _ats_pg_last_error=
    local bin how rc=0
    bin=$(_ats_pg_bindir)
    _ats_pg_isready "$bin" || rc=$?
    if [ "$rc" = 1 ]; then # answering but still starting up
        local i
        for ((i = 0; i < 60; i++)); do
            rc=0
            _ats_pg_isready "$bin" || rc=$?
            [ "$rc" = 1 ] || break
            sleep 1
        done
    fi
    if [ "$rc" = 0 ]; then
        how="reused the server already on $_ats_host:$_ats_pg_port"
    elif _ats_port_open "$_ats_host" "$_ats_pg_port"; then
        _ats_mark_missing postgres "$_ats_host:$_ats_pg_port is taken by something that is not an accepting PostgreSQL"
        return 0
    elif [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
        _ats_mark_missing postgres "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        return 0
    elif _ats_is_root && ! id postgres >/dev/null 2>&1; then
        _ats_mark_missing postgres "running as root but there is no 'postgres' OS user to run the server as"
        return 0
    else
        local log="$_ats_pg_dir/postgres.log" major
        major=$(basename "$(dirname "$bin")")
        mkdir -p "$_ats_pg_dir" "$_ats_pg_run"
        chmod 755 "$_ats_pg_dir" "$_ats_pg_run"
        if _ats_is_root; then chown postgres: "$_ats_pg_dir" "$_ats_pg_run"; fi
        if [ -s "$_ats_pg_data/PG_VERSION" ] && [[ "$major" =~ ^[0-9]+$ ]] && [ "$(cat "$_ats_pg_data/PG_VERSION")" != "$major" ]; then
            _ats_say "postgres: cluster in $_ats_pg_data is PostgreSQL $(cat "$_ats_pg_data/PG_VERSION"), binaries are $major: re-initialising"
            rm -rf "$_ats_pg_data"
        fi
        if [ ! -s "$_ats_pg_data/PG_VERSION" ]; then
            rm -rf "$_ats_pg_data"
            if ! _ats_as_pg "$bin/initdb" -D "$_ats_pg_data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
                -E UTF8 --no-locale --no-sync >"$_ats_pg_dir/initdb.log" 2>&1; then
                _ats_mark_missing postgres "initdb failed (log: $_ats_pg_dir/initdb.log)"
                _ats_tail "$_ats_pg_dir/initdb.log"
                return 0
            fi
            how="initialised and started a cluster in $_ats_pg_data"
        else
            how="started the cluster in $_ats_pg_data"
        fi
        _ats_pg_write_conf
        if ! _ats_as_pg "$bin/pg_ctl" -D "$_ats_pg_data" -l "$log" -w -t 60 start >"$_ats_pg_dir/pg_ctl.log" 2>&1; then
            _ats_mark_missing postgres "pg_ctl start failed (logs: $_ats_pg_dir/pg_ctl.log, $log)"
            _ats_tail "$log"
            return 0
        fi
        local i
        for ((i = 0; i < 60; i++)); do
            rc=0
            _ats_pg_isready "$bin" || rc=$?
            [ "$rc" = 0 ] && break
            sleep 1
        done
        if [ "$rc" != 0 ]; then
            _ats_mark_missing postgres "server started but does not accept connections on $_ats_host:$_ats_pg_port (log: $log)"
            return 0
        fi
    fi
    local psql="$bin/psql"
    [ -x "$psql" ] || psql=$(command -v psql 2>/dev/null || true)
    if [ -z "$psql" ]; then
        _ats_mark_missing postgres "psql not found, cannot create role/database automation"
        return 0
    fi
    if ! _ats_pg_ensure_role_db "$psql"; then
        _ats_mark_missing postgres "cannot get an admin connection to create role/database automation: ${_ats_pg_last_error//$'\n'/ }"
        return 0
    fi
    local one
    one=$(PGPASSWORD=automation "$psql" -X -At -h "$_ats_host" -p "$_ats_pg_port" -U automation -d automation -c 'select 1' 2>&1 || true)
    if [ "$one" != 1 ]; then
        _ats_mark_missing postgres "role/database automation exist but login as automation failed: $one"
        return 0
    fi
    export AUTOMATION_TEST_POSTGRES="Host=$_ats_host;Port=$_ats_pg_port;Username=automation;Password=automation;Database=automation"
    _ats_report postgres "ready ($how) $AUTOMATION_TEST_POSTGRES"
}

_ats_stop_postgres() {
    local bin
    bin=$(_ats_pg_bindir)
    if [ ! -f "$_ats_pg_data/postmaster.pid" ]; then
        _ats_report postgres "not started by this script (no $_ats_pg_data/postmaster.pid)"
        return 0
    fi
    if _ats_as_pg "$bin/pg_ctl" -D "$_ats_pg_data" -m fast -w -t 60 stop >/dev/null 2>&1; then
        _ats_report postgres "stopped"
    else
        _ats_report postgres "pg_ctl stop failed (stale pid file?)"
    fi
}

# ------------------------------------------------------------------ SMTP sink

_ats_smtp_python() {
    local p
    for p in /usr/bin/python3 "$(command -v python3 2>/dev/null || true)"; do
        if [ -n "$p" ] && [ -x "$p" ] && "$p" -c 'import aiosmtpd' >/dev/null 2>&1; then
            echo "$p"
            return 0
        fi
    done
    return 0
}

# Send one message and check it lands in the Maildir; the check message is removed again.
_ats_smtp_check() {
    local py
    py=$(_ats_python)
    [ -n "$py" ] || { echo "no python3 to send a check message"; return 1; }
    "$py" - "$_ats_host" "$_ats_smtp_port" "$_ats_maildir" <<'PY'
import os, smtplib, sys, time, uuid
from email.message import EmailMessage
host, port, maildir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
token = "sink-check-" + uuid.uuid4().hex
msg = EmailMessage()
msg["From"] = "test-services@example.test"
msg["To"] = "sink-check@example.test"
msg["Subject"] = token
msg.set_content("scripts/test-services.sh checks that the SMTP sink stores mail.\n")
try:
    with smtplib.SMTP(host, port, timeout=10) as s:
        refused = s.send_message(msg)
except Exception as e:
    print(f"SMTP send failed: {e}")
    sys.exit(1)
if refused:
    print(f"recipients refused: {refused}")
    sys.exit(1)
new = os.path.join(maildir, "new")
deadline = time.time() + 10
while time.time() < deadline:
    for name in (os.listdir(new) if os.path.isdir(new) else []):
        path = os.path.join(new, name)
        try:
            with open(path, "rb") as f:
                if token.encode() in f.read():
                    os.remove(path)
                    sys.exit(0)
        except OSError:
            pass
    time.sleep(0.2)
print(f"message accepted over SMTP but not found in {new}")
sys.exit(1)
PY
}

_ats_start_smtp() {
    unset AUTOMATION_TEST_SMTP AUTOMATION_TEST_MAILDIR
    local how pidf="$_ats_smtp_dir/aiosmtpd.pid" log="$_ats_smtp_dir/aiosmtpd.log"
    mkdir -p "$_ats_smtp_dir" "$_ats_maildir/new" "$_ats_maildir/cur" "$_ats_maildir/tmp"
    # The sink is shared by every run on the machine; mail from runs hours ago only slows the tests' reads of it.
    find "$_ats_maildir/new" -type f -mmin +360 -delete 2>/dev/null || true
    if _ats_port_open "$_ats_host" "$_ats_smtp_port"; then
        how="reused the sink already on $_ats_host:$_ats_smtp_port"
    else
        local py
        py=$(_ats_smtp_python)
        if [ -z "$py" ]; then
            _ats_mark_missing smtp "aiosmtpd is not importable by /usr/bin/python3 (apt-get install python3-aiosmtpd)"
            return 0
        fi
        _ats_spawn "$pidf" "$log" "$py" -m aiosmtpd -n -u -l "$_ats_host:$_ats_smtp_port" \
            -c aiosmtpd.handlers.Mailbox "$_ats_maildir"
        if ! _ats_wait_port "$_ats_host" "$_ats_smtp_port" 20; then
            _ats_mark_missing smtp "aiosmtpd did not open $_ats_host:$_ats_smtp_port (log: $log)"
            _ats_tail "$log"
            return 0
        fi
        how="started aiosmtpd, pid $(cat "$pidf" 2>/dev/null)"
    fi
    local err
    if ! err=$(_ats_smtp_check 2>&1); then
        _ats_mark_missing smtp "sink on $_ats_host:$_ats_smtp_port failed the delivery check: ${err//$'\n'/ }"
        return 0
    fi
    export AUTOMATION_TEST_SMTP="$_ats_host:$_ats_smtp_port"
    export AUTOMATION_TEST_MAILDIR="$_ats_maildir"
    _ats_report smtp "ready ($how) $AUTOMATION_TEST_SMTP -> Maildir $AUTOMATION_TEST_MAILDIR"
}

_ats_stop_smtp() {
    local pidf="$_ats_smtp_dir/aiosmtpd.pid" i
    if ! _ats_pid_alive "$pidf"; then
        _ats_report smtp "not started by this script (no live pid in $pidf)"
        rm -f "$pidf"
        return 0
    fi
    kill -TERM "$(head -n1 "$pidf")" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do _ats_pid_alive "$pidf" || break; sleep 0.5; done
    if _ats_pid_alive "$pidf"; then kill -KILL "$(head -n1 "$pidf")" 2>/dev/null || true; fi
    rm -f "$pidf"
    _ats_report smtp "stopped"
}

# ------------------------------------------------------------------ Chromium

_ats_find_chromium() {
    local c
    for c in /usr/bin/chromium /usr/bin/chromium-browser "$(command -v chromium 2>/dev/null || true)"; do
        if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
    done
    return 0
}

_ats_start_chromium() {
    unset AUTOMATION_TEST_CHROMIUM
    local c ver
    c=$(_ats_find_chromium)
    if [ -z "$c" ]; then
        _ats_mark_missing chromium "no chromium binary (apt-get install chromium)"
        return 0
    fi
    if ! ver=$(timeout 30 "$c" --version 2>/dev/null) || [ -z "$ver" ]; then
        _ats_mark_missing chromium "$c --version failed"
        return 0
    fi
    export AUTOMATION_TEST_CHROMIUM="$c"
    _ats_report chromium "ready ($ver) $c"
}

# ------------------------------------------------------------------ commands

_ats_lock() {
    mkdir -p "$_ats_state"
    chmod 755 "$_ats_state" 2>/dev/null || true # the postgres user must be able to traverse it
    if command -v flock >/dev/null 2>&1; then
        exec {_ats_lock_fd}>>"$_ats_state/.lock"
        if ! flock -w 600 "$_ats_lock_fd"; then
            _ats_say "test-services: could not lock $_ats_state/.lock within 600s, continuing anyway"
        fi
    fi
}

_ats_unlock() {
    if [ -n "${_ats_lock_fd:-}" ]; then
        eval "exec ${_ats_lock_fd}>&-"
        _ats_lock_fd=
    fi
}

_ats_cmd_start() {
    _ats_lock
    export AUTOMATION_SERVICES_DIR="$_ats_state"
    _ats_say "test-services: state in $_ats_state"
    _ats_start_rabbitmq
    _ats_start_postgres
    _ats_start_smtp
    _ats_start_chromium
    _ats_unlock
    export AUTOMATION_TEST_MISSING="${_ats_missing[*]}"
    if [ -n "$AUTOMATION_TEST_MISSING" ]; then
        _ats_say "test-services: missing: $AUTOMATION_TEST_MISSING"
    else
        _ats_say "test-services: all services ready"
    fi
}

# Check without starting anything; fills the same variables as start.
_ats_cmd_probe() {
    unset AUTOMATION_TEST_RABBITMQ AUTOMATION_TEST_POSTGRES AUTOMATION_TEST_SMTP AUTOMATION_TEST_MAILDIR AUTOMATION_TEST_CHROMIUM
    if _ats_port_open "$_ats_host" "$_ats_rmq_port" && _ats_amqp_probe; then
        AUTOMATION_TEST_RABBITMQ="amqp://guest:guest@$_ats_host:$_ats_rmq_port/"
        _ats_report rabbitmq "ready $AUTOMATION_TEST_RABBITMQ"
    else
        _ats_mark_missing rabbitmq "nothing speaking AMQP on $_ats_host:$_ats_rmq_port"
    fi
    local bin psql one
    bin=$(_ats_pg_bindir)
    psql="$bin/psql"
    [ -x "$psql" ] || psql=$(command -v psql 2>/dev/null || true)
    one=
    if [ -n "$psql" ]; then
        one=$(PGPASSWORD=automation PGCONNECT_TIMEOUT=5 "$psql" -X -At -h "$_ats_host" -p "$_ats_pg_port" -U automation -d automation -c 'select 1' 2>/dev/null || true)
    fi
    if [ "$one" = 1 ]; then
        AUTOMATION_TEST_POSTGRES="Host=$_ats_host;Port=$_ats_pg_port;Username=automation;Password=automation;Database=automation"
        _ats_report postgres "ready $AUTOMATION_TEST_POSTGRES"
    else
        _ats_mark_missing postgres "cannot log in as automation@$_ats_host:$_ats_pg_port/automation"
    fi
    if _ats_port_open "$_ats_host" "$_ats_smtp_port"; then
        AUTOMATION_TEST_SMTP="$_ats_host:$_ats_smtp_port"
        if [ -d "$_ats_maildir/new" ]; then AUTOMATION_TEST_MAILDIR="$_ats_maildir"; fi
        _ats_report smtp "ready $AUTOMATION_TEST_SMTP ${AUTOMATION_TEST_MAILDIR:+-> Maildir $AUTOMATION_TEST_MAILDIR}"
    else
        _ats_mark_missing smtp "nothing listening on $_ats_host:$_ats_smtp_port"
    fi
    local c
    c=$(_ats_find_chromium)
    if [ -n "$c" ]; then
        AUTOMATION_TEST_CHROMIUM="$c"
        _ats_report chromium "ready $c"
    else
        _ats_mark_missing chromium "no chromium binary"
    fi
    AUTOMATION_TEST_MISSING="${_ats_missing[*]}"
    [ -z "$AUTOMATION_TEST_MISSING" ]
}

_ats_cmd_env() {
    _ats_cmd_probe || true
    local v
    printf 'export AUTOMATION_SERVICES_DIR=%q\n' "$_ats_state"
    for v in AUTOMATION_TEST_RABBITMQ AUTOMATION_TEST_POSTGRES AUTOMATION_TEST_SMTP AUTOMATION_TEST_MAILDIR AUTOMATION_TEST_CHROMIUM; do
        if [ -n "${!v:-}" ]; then printf 'export %s=%q\n' "$v" "${!v}"; else printf 'unset %s\n' "$v"; fi
    done
    printf 'export AUTOMATION_TEST_MISSING=%q\n' "$AUTOMATION_TEST_MISSING"
}

_ats_cmd_stop() {
    _ats_lock
    _ats_stop_smtp
    _ats_stop_postgres
    _ats_stop_rabbitmq
    _ats_unlock
}

_ats_usage() {
    echo "usage: [source] scripts/test-services.sh start|stop|status|env|vhost-add NAME|vhost-delete NAME|vhost-queues NAME" >&2
}

# Tests that run engine hosts on RabbitMQ side by side each take a virtual host, so their queues and
# exchanges never meet (two hosts in one vhost would share every queue, as production replicas do).
_ats_cmd_vhost_add() {
    local name=${1:?vhost name}
    _ats_rmqctl add_vhost "$name" >/dev/null && _ats_rmqctl set_permissions -p "$name" guest ".*" ".*" ".*" >/dev/null
}

_ats_cmd_vhost_delete() {
    local name=${1:?vhost name}
    _ats_rmqctl delete_vhost "$name" >/dev/null
}

# What a fault drill reports when it fails: each queue's waiting messages and consumers.
_ats_cmd_vhost_queues() {
    local name=${1:?vhost name}
    _ats_rmqctl list_queues -p "$name" --quiet --no-table-headers name messages_ready messages_unacknowledged consumers
}

_ats_main() {
    local cmd=${1:-}
    _ats_init
    case "$cmd" in
        start) _ats_cmd_start ;;
        stop) _ats_cmd_stop ;;
        status) (_ats_cmd_probe) ;;        # subshell: leaves the caller's environment alone
        env) (_ats_out=2 && _ats_cmd_env) ;; # status lines to stderr, export lines to stdout
        vhost-add) _ats_cmd_vhost_add "${2:-}" ;;
        vhost-delete) _ats_cmd_vhost_delete "${2:-}" ;;
        vhost-queues) _ats_cmd_vhost_queues "${2:-}" ;;
        *) _ats_usage; return 2 ;;
    esac
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
    # sourced: never exit the caller's shell; an empty command just defines the functions
    if [ $# -gt 0 ]; then _ats_main "$@" || true; fi
else
    set -uo pipefail
    _ats_rc=0
    _ats_main "$@" || _ats_rc=$?
    if [ "$_ats_rc" = 0 ] && [ "${1:-}" = start ] && [ -n "${AUTOMATION_TEST_MISSING:-}" ]; then _ats_rc=1; fi
    exit "$_ats_rc"
fi
