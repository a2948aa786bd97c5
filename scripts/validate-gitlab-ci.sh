#!/usr/bin/env bash
# Parses .gitlab-ci.yml (and every examples/*/.gitlab-ci.yml) with gitlab-ci-local: GitLab's JSON schema, then the
# jobs a branch pipeline and a tag pipeline would run. Needs Node.js and npm, not GitLab: gitlab-ci-local comes from
# the npm registry at the version locked in scripts/gitlab-ci-local/, installed once into a cache folder.
# Usage: scripts/validate-gitlab-ci.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
LOCK="$ROOT/scripts/gitlab-ci-local/package-lock.json"
TOOL_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/cx-token-maven-plugin/gitlab-ci-local-$(sha256sum "$LOCK" | cut -c1-12)"
GCL="$TOOL_DIR/node_modules/.bin/gitlab-ci-local"

if [ ! -x "$GCL" ]; then
    echo "Installing gitlab-ci-local into $TOOL_DIR ..."
    mkdir -p "$TOOL_DIR"
    cp "$ROOT/scripts/gitlab-ci-local/package.json" "$LOCK" "$TOOL_DIR/"
    (cd "$TOOL_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi
STATE="target/gitlab-ci-local"
mkdir -p "$STATE/home"

failed=0
check() { # file, expected jobs, extra gitlab-ci-local arguments...
    local file=$1 expected=$2 out
    shift 2
    echo "== $file ${*:+($*)}"
    if ! out=$("$GCL" --cwd . --file "$file" --state-dir "$STATE" --home "$STATE/home" \
            --list --validate-dependency-chain "$@" 2>&1); then
        echo "$out"
        echo "INVALID: $file" >&2
        failed=1
        return
    fi
    # Keep the job table; drop the notes about the missing git remote (this check needs none).
    echo "$out" | sed -n '/^name /,$p'
    for job in $expected; do
        if ! echo "$out" | grep -Eq "^$job( |:|$)"; then
            echo "MISSING: job '$job' is not in the pipeline of $file ${*:+($*)}" >&2
            failed=1
        fi
    done
}

check .gitlab-ci.yml "test compatibility site"
check .gitlab-ci.yml "test compatibility site release" --variable CI_COMMIT_TAG=v1.2.3
for example in examples/*/.gitlab-ci.yml; do
    [ -e "$example" ] && check "$example" "integration-tests"
done

if [ "$failed" -ne 0 ]; then
    echo "GitLab CI configuration check FAILED." >&2
    exit 1
fi
echo "GitLab CI configuration valid."
