# Sourced by the scripts that need the stand-in token server (bench/run.sh, scripts/check-interrupt.sh):
#   start_standin <work dir> <client id> <client secret>
# starts it on a free port of 127.0.0.1 (a JDK runs its single source file), stops it when the script exits, and sets
# STANDIN_BASE to its URL. Its log is <work dir>/server.log.
start_standin() {
    local work=$1 client_id=$2 client_secret=$3
    java src/test/java/dev/cxtoken/standin/StandInTokenServer.java --port-file "$work/port" \
        --client-id "$client_id" --client-secret "$client_secret" >"$work/server.log" 2>&1 &
    STANDIN_PID=$!
    trap 'kill $STANDIN_PID 2>/dev/null || true' EXIT
    for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
    [ -s "$work/port" ] || { echo "The stand-in server did not start; see $work/server.log" >&2; return 1; }
    STANDIN_BASE="http://127.0.0.1:$(cat "$work/port")"
}
