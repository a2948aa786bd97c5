#!/usr/bin/env bash
# A real Keycloak for the Keycloak ITs (src/it-keycloak), on 127.0.0.1 only. pom.xml runs "start" in
# pre-integration-test and "stop" in post-integration-test (exec-maven-plugin); -Dkeycloak.skip=true skips both.
#
#   scripts/keycloak.sh start   gets Keycloak (once), makes the keys, starts the CI issuer stand-in and Keycloak,
#                               configures the realm and writes target/keycloak/keycloak.properties for the ITs
#   scripts/keycloak.sh stop    stops both servers, by the pids that start recorded
#
# Environment; pom.xml sets the first five from the build:
#   KEYCLOAK_PORT (38580), CI_ISSUER_PORT (38581)    ports on 127.0.0.1, failing when busy
#   KEYCLOAK_MAVEN_REPO_LOCAL                          local repository for the download, as the calling build's
#   KEYCLOAK_MAVEN_SETTINGS                            its user settings.xml (mirrors, proxies), when the file exists
#   KEYCLOAK_IT_SELECTION                              the build's -Dinvoker.test: when it selects no IT of
#                                                      src/it-keycloak, start does nothing (./mvnw verify
#                                                      -Dinvoker.test=settings-plain needs no Keycloak)
#   KEYCLOAK_WATCH_PID                                 stop the servers when this process ends; default: the caller
#                                                      (the Maven JVM under exec-maven-plugin, or your shell)
#   KEYCLOAK_START_TIMEOUT (180)                       seconds Keycloak may take to answer
# Logs: target/keycloak/keycloak.log, ci-issuer.log, watchdog.log.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=26.7.3
# The SHA-512 that Maven Central publishes beside the zip (keycloak-quarkus-dist-26.7.3.zip.sha512), equal to the zip's
# own; the zip's SHA-1 also matches Central's .sha1 (1e21a7f572581692aacb379dbba8413f99b67208).
SHA512=15c764765576eef267cf15cc5225a5826b5394a25a83d9bfa5b8544e4bbba690cb743c9d384200b93bb71ee4c4a328e1dd8c0a00f822fd3e6e154f14b1e47216
REALM=cx-token
KEYCLOAK_PORT=${KEYCLOAK_PORT:-38580}
CI_ISSUER_PORT=${CI_ISSUER_PORT:-38581}
DIR="$PWD/target/keycloak"
HOME_DIR="$DIR/keycloak-$VERSION"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
KEYTOOL="${JAVA_HOME:+$JAVA_HOME/bin/}keytool"

log() { echo "[keycloak.sh] $*"; }

# The pid file's process, if it still runs and is ours: a pid of a process that ended may have been reused since.
live_pid() { # pid file, text its command line must contain
    local pid
    pid=$(cat "$1" 2>/dev/null) || return 1
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2" && echo "$pid"
}

# kc.sh runs Keycloak's java as its child, and when Keycloak has to rebuild itself first (the first start-dev of an
# unpacked copy), it replaces itself with a second java through exec. So the java process is either kc.sh's pid or
# its child, and it changes once; this finds the current one.
keycloak_java_pid() {
    local launcher child
    launcher=$(live_pid "$DIR/keycloak-launcher.pid" "$HOME_DIR") || return 1
    if [[ "$(readlink "/proc/$launcher/exe" 2>/dev/null)" == */java ]]; then
        echo "$launcher"
        return 0
    fi
    for child in $(cat /proc/"$launcher"/task/*/children 2>/dev/null); do
        if [[ "$(readlink "/proc/$child/exe" 2>/dev/null)" == */java ]]; then
            echo "$child"
            return 0
        fi
    done
    return 1
}

# Running, and not merely a zombie: the servers outlive the start script, so they end as orphans whose exit status
# the init process collects only when it gets round to it.
running() {
    local state
    state=$(sed -n 's/^[0-9]* (.*) \([A-Z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || true
    [ -n "$state" ] && [ "$state" != Z ]
}

stop_pid() { # name, pid: TERM, then KILL after 30 s
    local name=$1 pid=$2
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 300); do
        running "$pid" || { log "Stopped $name (pid $pid)"; return 0; }
        sleep 0.1
    done
    log "$name (pid $pid) did not stop within 30 s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

stop_servers() {
    local pid
    # Keycloak's java: the pid recorded once it answered, or the current one while it was still starting.
    if pid=$(live_pid "$DIR/keycloak.pid" "$HOME_DIR") || pid=$(keycloak_java_pid); then
        stop_pid Keycloak "$pid"
    fi
    if pid=$(live_pid "$DIR/ci-issuer.pid" "CiIssuer.java"); then
        stop_pid "the CI issuer stand-in" "$pid"
    fi
    rm -f "$DIR/keycloak.pid" "$DIR/keycloak-launcher.pid" "$DIR/ci-issuer.pid"
}

stop_all() {
    local pid
    # The watchdog first, so that it does not stop the servers a second time meanwhile.
    if pid=$(live_pid "$DIR/watchdog.pid" "keycloak.sh"); then
        kill -TERM "$pid" 2>/dev/null || true
    fi
    rm -f "$DIR/watchdog.pid"
    stop_servers
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

fail_start() {
    echo "[keycloak.sh] $*" >&2
    stop_all >&2
    exit 1
}

fetch_keycloak() {
    [ -x "$HOME_DIR/bin/kc.sh" ] && return 0
    local zip="$DIR/keycloak-quarkus-dist-$VERSION.zip" actual
    log "Getting org.keycloak:keycloak-quarkus-dist:$VERSION:zip through the local repository"
    # The wrapper's Maven, as for the Maven distributions of scripts/compatibility.sh, so the local repository caches
    # the zip (MAVEN_OPTS=-Dmaven.repo.local=... applies as always; pom.xml passes the build's own local repository).
    local settings=()
    [ -f "${KEYCLOAK_MAVEN_SETTINGS:-}" ] && settings=(-s "$KEYCLOAK_MAVEN_SETTINGS")
    ./mvnw -B -q -N ${KEYCLOAK_MAVEN_REPO_LOCAL:+"-Dmaven.repo.local=$KEYCLOAK_MAVEN_REPO_LOCAL"} ${settings[@]+"${settings[@]}"} \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" -DoutputDirectory="$DIR"
    actual=$(sha512sum "$zip" | cut -d' ' -f1)
    if [ "$actual" != "$SHA512" ]; then
        rm -f "$zip"
        fail_start "SHA-512 mismatch for $zip: expected $SHA512, got $actual"
    fi
    # Unpacked beside the final folder and renamed at the end, so that a half-unpacked copy is never reused.
    rm -rf "$DIR/unpack"
    mkdir -p "$DIR/unpack"
    if command -v unzip >/dev/null; then
        unzip -q "$zip" -d "$DIR/unpack"
    else # the JDK's jar tool reads zips too, but drops the executable bits
        (cd "$DIR/unpack" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" xf "$zip")
        chmod +x "$DIR/unpack/keycloak-$VERSION"/bin/*.sh
    fi
    mv "$DIR/unpack/keycloak-$VERSION" "$HOME_DIR"
    rm -rf "$DIR/unpack" "$zip"
}

make_keys() { # the ITs' client keys, made by keytool: RSA 2048 and EC P-256, and an RSA key Keycloak does not know
    rm -rf "$DIR/keys"
    mkdir -p "$DIR/keys"
    "$KEYTOOL" -genkeypair -keystore "$DIR/keys/rsa.p12" -storetype PKCS12 -storepass:env KEYCLOAK_KEY_PASSPHRASE \
        -alias cx-jwt-rsa -keyalg RSA -keysize 2048 -sigalg SHA256withRSA -dname CN=cx-jwt-rsa -validity 30 2>/dev/null
    "$KEYTOOL" -genkeypair -keystore "$DIR/keys/ec.p12" -storetype PKCS12 -storepass:env KEYCLOAK_KEY_PASSPHRASE \
        -alias cx-jwt-ec -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -dname CN=cx-jwt-ec -validity 30 2>/dev/null
    "$KEYTOOL" -genkeypair -keystore "$DIR/keys/rogue.p12" -storetype PKCS12 -storepass:env KEYCLOAK_KEY_PASSPHRASE \
        -alias rogue -keyalg RSA -keysize 2048 -sigalg SHA256withRSA -dname CN=rogue -validity 30 2>/dev/null
}

random_text() { head -c "$1" /dev/urandom | base64 | tr -d '\n=' | tr '/+' '_-'; }

# Whether -Dinvoker.test (comma-separated patterns, '!' excluding) selects one of the Keycloak ITs, read as the
# invoker plugin does for folder names; unset (or an unresolved ${invoker.test}) selects them all.
keycloak_its_selected() {
    local selection=${KEYCLOAK_IT_SELECTION:-} pattern it
    [[ -z "$selection" || "$selection" == '${'* ]] && return 0
    # Only exclusions: everything else is selected.
    [[ ",${selection// /}," =~ ,[^!,][^,]*, ]] || return 0
    for it in src/it-keycloak/*/pom.xml; do
        it=$(basename "$(dirname "$it")")
        IFS=',' read -ra patterns <<<"$selection"
        for pattern in "${patterns[@]}"; do
            pattern=${pattern// /}
            pattern=${pattern%/pom.xml}
            pattern=${pattern%/}
            # shellcheck disable=SC2053 # the pattern is a glob on purpose
            [[ -n "$pattern" && "$pattern" != '!'* && "$it" == $pattern ]] && return 0
        done
    done
    return 1
}

start() {
    local started=$SECONDS watch_pid=${KEYCLOAK_WATCH_PID:-$PPID} pid
    mkdir -p "$DIR"
    # Servers a previous run left behind (its Maven was killed before post-integration-test, and the watchdog has
    # not noticed yet) are ours to stop.
    stop_all
    rm -f "$DIR/keycloak.properties"
    if ! keycloak_its_selected; then
        log "-Dinvoker.test=$KEYCLOAK_IT_SELECTION selects none of the Keycloak ITs (src/it-keycloak): not starting Keycloak"
        return 0
    fi
    "$JAVA" -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])' \
        || fail_start "Keycloak $VERSION needs Java 17 or newer; $JAVA is $("$JAVA" -version 2>&1 | head -1)"
    for port in "$KEYCLOAK_PORT:keycloak.port" "$CI_ISSUER_PORT:keycloak.ciIssuerPort"; do
        if port_busy "${port%%:*}"; then
            fail_start "Port ${port%%:*} on 127.0.0.1 is in use, so the Keycloak ITs cannot start their servers there." \
                "Stop what listens there or pick another port with -D${port#*:}=<port> (or skip them with -Dkeycloak.skip=true)."
        fi
    done
    fetch_keycloak

    # Secrets of this run only; handed over in the environment, never on a command line (ps shows those).
    export KEYCLOAK_KEY_PASSPHRASE="kc-key:$(random_text 12)"
    export CI_ISSUER_REQUEST_TOKEN="gh-req-$(random_text 24)"
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin
    export KC_BOOTSTRAP_ADMIN_PASSWORD="kc-admin-$(random_text 18)"
    (umask 077 && printf '%s' "$CI_ISSUER_REQUEST_TOKEN" >"$DIR/ci-issuer-request-token")

    # The watchdog: when the process that started the servers ends (Ctrl-C, a killed Maven) before "stop" ran, it
    # stops them. It keeps no pipe of the caller open (exec-maven-plugin would wait for it) and ignores SIGINT, which
    # a Ctrl-C sends to the whole process group, so that it outlives Maven and can clean up.
    (
        trap '' INT HUP
        trap 'exit 0' TERM
        while running "$watch_pid"; do sleep 1; done
        echo "$(date -u +%FT%TZ) process $watch_pid ended before scripts/keycloak.sh stop: stopping the servers"
        stop_servers
    ) </dev/null >>"$DIR/watchdog.log" 2>&1 &
    echo $! >"$DIR/watchdog.pid"

    rm -f "$DIR/ci-issuer.ready"
    # java runs the single source file in place of the forked shell, so $! is the java process's own pid.
    "$JAVA" scripts/keycloak/CiIssuer.java --port "$CI_ISSUER_PORT" \
        --gitlab-sub "project_path:acme/app:ref_type:branch:ref:main" --github-sub "repo:acme/app:ref:refs/heads/main" \
        --request-token-file "$DIR/ci-issuer-request-token" --ready-file "$DIR/ci-issuer.ready" \
        </dev/null >"$DIR/ci-issuer.log" 2>&1 &
    echo $! >"$DIR/ci-issuer.pid"

    # A fresh database each time (dev mode keeps it in data/ of the unpacked copy), so no state of an earlier run,
    # admin password included, gets in the way; the unpacked copy itself, rebuilt for dev mode at its first start, is
    # kept. client-auth-federated is a default feature of 26.7.3 (KeycloakRealm.java checks it), so no --features.
    # C1 only (-XX:TieredStopAtLevel=1): the ITs send Keycloak a few hundred requests, not enough for C2 to pay off,
    # and start-up then takes about 40 % less CPU (measured here: 20 s instead of 34 s on JDK 17).
    rm -rf "$HOME_DIR/data"
    JAVA_OPTS_APPEND="-XX:TieredStopAtLevel=1" \
        "$HOME_DIR/bin/kc.sh" start-dev --http-port="$KEYCLOAK_PORT" --http-host=127.0.0.1 \
        </dev/null >"$DIR/keycloak.log" 2>&1 &
    echo $! >"$DIR/keycloak-launcher.pid"
    log "Starting the CI issuer stand-in on 127.0.0.1:$CI_ISSUER_PORT and Keycloak $VERSION on 127.0.0.1:$KEYCLOAK_PORT" \
        "(watching pid $watch_pid, $(cat "/proc/$watch_pid/comm" 2>/dev/null || echo '?'))"

    make_keys
    for _ in $(seq 1 300); do
        [ -s "$DIR/ci-issuer.ready" ] && break
        live_pid "$DIR/ci-issuer.pid" CiIssuer.java >/dev/null || break
        sleep 0.1
    done
    if [ ! -s "$DIR/ci-issuer.ready" ]; then
        tail -n 40 "$DIR/ci-issuer.log" >&2 || true
        fail_start "The CI issuer stand-in did not start within 30 s (its log is above and in $DIR/ci-issuer.log)"
    fi

    # KeycloakRealm waits for Keycloak (bounded, and only while the launcher lives), then configures the realm.
    if ! "$JAVA" scripts/keycloak/KeycloakRealm.java --url "http://127.0.0.1:$KEYCLOAK_PORT" --realm "$REALM" \
        --pid "$(cat "$DIR/keycloak-launcher.pid")" --wait-seconds "${KEYCLOAK_START_TIMEOUT:-180}" \
        --ci-issuer "http://127.0.0.1:$CI_ISSUER_PORT" --keys "$DIR/keys" --out "$DIR/keycloak.properties"; then
        echo "----- last lines of $DIR/keycloak.log -----" >&2
        tail -n 60 "$DIR/keycloak.log" >&2 || true
        fail_start "Keycloak did not start or could not be configured (its log is above and in $DIR/keycloak.log)"
    fi
    pid=$(keycloak_java_pid) || fail_start "Keycloak answers, but its java process was not found"
    echo "$pid" >"$DIR/keycloak.pid"
    log "Keycloak (pid $pid) and the CI issuer stand-in (pid $(cat "$DIR/ci-issuer.pid")) ready in $((SECONDS - started)) s;" \
        "facts for the ITs in $DIR/keycloak.properties"
}

case "${1:-}" in
    start) start ;;
    stop)
        mkdir -p "$DIR"
        stop_all
        ;;
    *)
        sed -n '2,20p' "$0" >&2
        exit 2
        ;;
esac
