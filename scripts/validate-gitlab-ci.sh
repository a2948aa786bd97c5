#!/usr/bin/env bash
# Parses .gitlab-ci.yml (and every examples/*/.gitlab-ci.yml) with gitlab-ci-local: GitLab's JSON schema, then the
# jobs a branch pipeline and a tag pipeline would run; and the CI/CD component in templates/, as a pipeline includes it. Needs Node.js and npm, not GitLab: gitlab-ci-local comes from
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

# The CI/CD component (templates/maven-with-token.yml), included by a pipeline the way a user's includes it. gitlab-ci-local
# reads a component of the project itself from the working tree when the include names the project's remote and the
# current commit, so the check builds such a project in a scratch folder.
component_check() {
    local project="$STATE/component-project" sha out
    rm -rf "$project"
    mkdir -p "$project/templates"
    cp templates/maven-with-token.yml "$project/templates/"
    git -C "$project" init -q
    git -C "$project" add -A
    git -C "$project" -c user.name=check -c user.email=check@example.invalid commit -qm "the component"
    git -C "$project" remote add gcl-origin https://gitlab.example.com/contact-center/cx-token-maven-plugin.git
    sha=$(git -C "$project" rev-parse HEAD)
    sed "s/@SHA@/$sha/g" scripts/gitlab-ci-component/pipeline.yml >"$project/.gitlab-ci.yml"
    echo "== templates/maven-with-token.yml, included by scripts/gitlab-ci-component/pipeline.yml"
    if ! out=$("$GCL" --cwd "$project" --file .gitlab-ci.yml --state-dir "$ROOT/$STATE/component-state" \
            --home "$ROOT/$STATE/home" --preview 2>&1); then
        echo "$out"
        echo "INVALID: the component, or the pipeline that includes it" >&2
        failed=1
        return
    fi
    # The inputs must reach the jobs: names of the variables, goals, the org pin, the provider, the stages.
    for expected in 'integration-tests:' 'cxone-export:' '${env.CI_GENESYS_SECRET}' '${env.CXONE_CLIENT_ID}' \
            '-Pintegration verify' 'CX_TOKEN_EXPECTED_ORGANIZATION: Contoso Test' '-Dcxtoken.provider=cxone' \
            'stage: deploy' 'CX_TOKEN_ENVIRONMENT: eu-west-1'; do
        if ! grep -qF -- "$expected" <<<"$out"; then
            echo "$out"
            echo "MISSING in the component's jobs: $expected" >&2
            failed=1
        fi
    done
    echo "integration-tests and cxone-export rendered with their inputs"
}
component_check

if [ "$failed" -ne 0 ]; then
    echo "GitLab CI configuration check FAILED." >&2
    exit 1
fi
echo "GitLab CI configuration valid."
