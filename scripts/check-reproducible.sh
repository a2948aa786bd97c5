#!/usr/bin/env bash
# Builds the plugin twice, each time from a fresh copy of the sources in a different folder, and checks that the
# jars (plugin, sources, javadoc) are byte for byte the same. project.build.outputTimestamp in pom.xml fixes the
# timestamps inside the jars; anything else that varies (build path, order, time, user) shows up here.
# Usage: scripts/check-reproducible.sh            exit 0 when reproducible, 1 when not
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WORK="$ROOT/target/reproducible"
rm -rf "$WORK"
mkdir -p "$WORK"

copy_sources() { # destination
    mkdir -p "$1"
    if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        # Tracked files plus new files not yet committed, without anything ignored (target/, IDE files).
        git -C "$ROOT" ls-files -z --cached --others --exclude-standard \
            | (cd "$ROOT" && xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' _) \
            | tar -C "$ROOT" --null -T - -cf - | tar -C "$1" -xf -
    else
        tar -C "$ROOT" --exclude=./target -cf - . | tar -C "$1" -xf -
    fi
}

build() { # name
    local dir="$WORK/$1"
    copy_sources "$dir"
    echo "Building in $dir ..."
    (cd "$dir" && ./mvnw -B -q -Prelease -Dgpg.skip -DskipTests -Dinvoker.skip=true package)
    (cd "$dir/target" && sha256sum ./*.jar) >"$WORK/$1.sha256"
}

build first
build second

echo
cat "$WORK/first.sha256"
if diff -u "$WORK/first.sha256" "$WORK/second.sha256"; then
    echo "Reproducible: $(wc -l <"$WORK/first.sha256") jars identical across two clean builds."
else
    echo "NOT reproducible: the jars above differ between two clean builds (see $WORK/first and $WORK/second)." >&2
    exit 1
fi
