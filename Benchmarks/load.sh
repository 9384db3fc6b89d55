#!/usr/bin/env bash
# End-to-end load test of mentorlined on this machine, loopback only. See Benchmarks/README.md.
#
#   Benchmarks/load.sh                      # build (release), run every phase, write results/latest.md
#   CONNECTIONS=256 BURST=20000 RATE=2000 RATE_SECONDS=10 Benchmarks/load.sh
#
# Starts the release daemon on a copy of Config/ (listen on a free 127.0.0.1 port, webhook endpoints
# pointing at the load tool's sink, mentors' capacity 1,000,000 and every ack_timeout 1h, so each case
# gets exactly one task.offered) with a fresh state directory, runs mentorline-load against it, stops
# the daemon with SIGTERM and checks it exits 0. Everything it starts is stopped when it ends.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
CONNECTIONS="${CONNECTIONS:-128}"
BURST="${BURST:-20000}"
RATE="${RATE:-2000}"
RATE_SECONDS="${RATE_SECONDS:-10}"
CEILING_REQUESTS="${CEILING_REQUESTS:-50000}"
LOG_LEVEL="${LOG_LEVEL:-info}"
OUT="${OUT:-$here/results/latest.md}"

"$root/scripts/install-deps.sh"

echo "== building mentorlined (release)" >&2
# A scratch path of its own, so this release build never waits on (or disturbs) the main package's
# debug build in $root/.build.
daemon_build="$here/.build/daemon"
swift build -c release --package-path "$root" --scratch-path "$daemon_build" --product mentorlined >&2
daemon_bin="$(swift build -c release --package-path "$root" --scratch-path "$daemon_build" --show-bin-path)/mentorlined"

echo "== building mentorline-load (release)" >&2
swift build -c release --package-path "$here" --product mentorline-load >&2
load_bin="$(swift build -c release --package-path "$here" --show-bin-path)/mentorline-load"

work="$(mktemp -d "${TMPDIR:-/tmp}/mentorline-bench.XXXXXX")"
daemon_pid=""
cleanup() {
    if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
        kill -TERM "$daemon_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$daemon_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$daemon_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Two free loopback ports (bound and released by the kernel's choice).
read -r daemon_port sink_port < <(python3 - <<'EOF'
import socket
sockets = [socket.socket() for _ in range(2)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in sockets])
for s in sockets: s.close()
EOF
)

config="$work/config"
state="$work/state"
mkdir -p "$state"
cp -R "$root/Config" "$config"
python3 - "$config" "$daemon_port" "$sink_port" <<'EOF'
import re, sys
config, daemon_port, sink_port = sys.argv[1:]
path = f"{config}/mentorline.yaml"
text = open(path).read()
text = re.sub(r"(?m)^(\s*listen:).*$", rf"\1 127.0.0.1:{daemon_port}", text)
text = re.sub(r"(?m)^(\s*public_url:).*$", rf"\1 http://127.0.0.1:{daemon_port}", text)
text, n = re.subn(r"url: http://127\.0\.0\.1:\d+/", f"url: http://127.0.0.1:{sink_port}/", text)
assert n >= 1, "no endpoint url rewritten"
open(path, "w").write(text)
path = f"{config}/roster.yaml"
text = open(path).read()
text, n = re.subn(r"(?m)^(\s*capacity:)\s*\d+", r"\1 1000000", text)
assert n >= 1, "no capacity rewritten"
text, n = re.subn(r"ack_timeout:\s*\w+", "ack_timeout: 1h", text)
assert n >= 1, "no ack_timeout rewritten"
open(path, "w").write(text)
EOF

# The figures are only meaningful on an otherwise idle machine: wait (at most 5 minutes) until the
# CPUs were at least 85 % idle over two seconds, e.g. for a concurrent compile to finish.
idle_percent() {
    read -r _ u1 n1 s1 i1 w1 q1 sq1 st1 _ < /proc/stat; sleep 2
    read -r _ u2 n2 s2 i2 w2 q2 sq2 st2 _ < /proc/stat
    local busy=$(( (u2-u1)+(n2-n1)+(s2-s1)+(q2-q1)+(sq2-sq1)+(st2-st1) )) idle=$(( (i2-i1)+(w2-w1) ))
    echo $(( 100 * idle / (busy + idle + 1) ))
}
busy_note=""
for _ in $(seq 1 150); do
    idle="$(idle_percent)"
    [ "$idle" -ge 85 ] && break
    echo "   machine only ${idle}% idle; waiting for other work to finish" >&2
done
[ "$idle" -ge 85 ] || busy_note="(machine was only ${idle}% idle when the run started: figures are pessimistic)"

echo "== starting mentorlined on 127.0.0.1:$daemon_port (sink 127.0.0.1:$sink_port, state $state)" >&2
"$daemon_bin" --config "$config" --state "$state" --listen "127.0.0.1:$daemon_port" --log-level "$LOG_LEVEL" \
    2> "$work/daemon.log" &
daemon_pid=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$daemon_port/healthz" >/dev/null 2>&1 && break
    kill -0 "$daemon_pid" 2>/dev/null || { cat "$work/daemon.log" >&2; exit 1; }
    sleep 0.1
done
curl -fsS "http://127.0.0.1:$daemon_port/healthz" >/dev/null

perf_pid=""
if [ "${PERF:-0}" = 1 ]; then
    # Profile the daemon for the whole load run: $here/.build/perf/daemon.data (perf report -i …).
    mkdir -p "$here/.build/perf"
    # PERF_ARGS="-e cpu-clock -F 199 --call-graph dwarf" attributes time inside libsqlite3/libc too.
    # shellcheck disable=SC2086
    perf record ${PERF_ARGS:--e cpu-clock -F 499 -g} -p "$daemon_pid" -o "$here/.build/perf/daemon.data" 2> "$work/perf.log" &
    perf_pid=$!
fi

echo "== running mentorline-load" >&2
"$load_bin" --daemon-port "$daemon_port" --daemon-pid "$daemon_pid" --sink-port "$sink_port" \
    --token-file "$config/secrets/intake-dev.token" --secret-file "$config/secrets/webhook-dev.secret" \
    --connections "$CONNECTIONS" --burst "$BURST" --rate "$RATE" --rate-seconds "$RATE_SECONDS" \
    --ceiling-requests "$CEILING_REQUESTS" --out "$work/figures.md"

if [ -n "$perf_pid" ]; then kill -INT "$perf_pid" 2>/dev/null || true; wait "$perf_pid" 2>/dev/null || true; fi

# CPU seconds per daemon thread name over the whole run (top -H in one line).
threads="$(for task in /proc/"$daemon_pid"/task/*; do
        name="$(tr ' ' '_' < "$task/comm")"
        awk -v name="$name" '{ sub(/^.*\) /, ""); print name, $12 + $13 }' "$task/stat"
    done | awk -v hz="$(getconf CLK_TCK)" '{ cpu[$1] += $2; n[$1]++ }
        END { for (t in cpu) printf "%.2f %s×%d\n", cpu[t] / hz, t, n[t] }' | sort -rn | head -8 |
    awk '{ printf "%s%s %s s", sep, $2, $1; sep = ", " }')"

echo "== stopping mentorlined (SIGTERM)" >&2
kill -TERM "$daemon_pid"
status=0
for _ in $(seq 1 700); do kill -0 "$daemon_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$daemon_pid" 2>/dev/null; then
    echo "mentorlined did not stop within 70 s" >&2
    status=124
else
    wait "$daemon_pid" || status=$?
fi
daemon_pid=""
log_lines="$(wc -l < "$work/daemon.log")"
warnings="$(grep -c -E '^[^ ]+ (warning|error|critical) ' "$work/daemon.log" || true)"

mkdir -p "$(dirname "$OUT")"
{
    echo "# Mentorline load test: latest run"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"
    echo "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), Linux $(uname -r), $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//')," \
        "load generator and sink on the same machine; daemon log level $LOG_LEVEL; state on $(df -T "$work" | awk 'NR==2 {print $2}')."
    [ -n "$busy_note" ] && { echo; echo "$busy_note"; }
    echo
    cat "$work/figures.md"
    echo "- Daemon CPU by thread over the whole run: $threads."
    echo "- Shutdown: SIGTERM → exit status $status; daemon log $log_lines lines, $warnings at warning or above."
} > "$OUT"
cat "$OUT"
[ "$status" -eq 0 ] || { echo "mentorlined exited with status $status" >&2; tail -20 "$work/daemon.log" >&2; exit 1; }
