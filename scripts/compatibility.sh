#!/usr/bin/env bash
# Runs the core invoker ITs with another Maven or another JDK, beside the wrapper's Maven on the default JDK.
#
#   scripts/compatibility.sh maven <version>    the core ITs, each run by Maven <version> (e.g. 3.6.3, 4.0.0-rc-4)
#   scripts/compatibility.sh jdk <java home>    the unit tests and the core ITs, with everything on that JDK
#
# Maven distributions come from Maven Central as org.apache.maven:apache-maven:<version>:tar.gz:bin, through the
# wrapper's Maven (so the local repository caches them and later runs work offline), are checked against the SHA-512
# pinned below, and are unpacked into target/maven-dists/. Logs: target/it-maven-<version>/<it>/build.log,
# target/it-jdk<feature>/<it>/build.log. These runs use the stand-in server only (-Dkeycloak.skip=true): the Keycloak
# ITs (src/it-keycloak) run once, in ./mvnw -B verify.
set -euo pipefail
cd "$(dirname "$0")/.."

# The scenarios every supported Maven and JDK must pass; CORE_ITS=a,b in the environment runs only those.
CORE_ITS="${CORE_ITS:-genesys-env,lifecycle-long-run,lifecycle-failing-test,settings-encrypted,settings-env-unset,wrong-secret,missing-credentials,reactor-parallel,adhoc-no-pom,help-detail,examples,cxone-surefire,cxone-access-key,github-mask,corporate-proxy,newcomer-secret-as-variable-name,newcomer-default-environment}"

# SHA-512 of apache-maven-<version>-bin.tar.gz, as published by the Apache Maven project.
declare -A MAVEN_SHA512=(
    [3.6.3]=c35a1803a6e70a126e80b2b3ae33eed961f83ed74d18fcd16909b2d44d7dada3203f1ffe726c17ef8dcca2dcaa9fca676987befeadc9b9f759967a8cb77181c0
    [4.0.0-rc-4]=0684d86ecee7756ee6b6c21fb29c702b3e12b4b9b7a3c16f794c4bff4ed43aab9c3d45f3f9d4e44d91f07572c9baf06bac665fd5eca0c45e9911b25108e122b0
    [3.10.0]=908b1501bfb420bf7c8affb855534a9c407fd6099367bfb9f2f2dcb8e9799102bffb84518cde74c679bd76870247c6528683abdd620581bffa90f95d92d175aa
    # Maven Central serves no .sha512 for rc-5: this is the archive's own, whose SHA-1 matches Central's .sha1.
    [4.0.0-rc-5]=942c19fb75ab7a5d2a11001e3d6c8c6214c81d2736ebc613243d22f7b4ab0404092d47511317d767e8f22a1c634a3762cc7e6b4b6693580ac86e73c0bed1bee2
)

maven_home() { # version -> prints the unpacked Maven home
    local version=$1 dists="$PWD/target/maven-dists"
    local archive="$dists/apache-maven-$version-bin.tar.gz" home="$dists/apache-maven-$version"
    local expected=${MAVEN_SHA512[$version]:-}
    if [ -z "$expected" ]; then
        echo "No SHA-512 pinned for Maven $version in $0; add it to MAVEN_SHA512." >&2
        return 1
    fi
    if [ ! -x "$home/bin/mvn" ]; then
        ./mvnw -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
            -Dartifact="org.apache.maven:apache-maven:$version:tar.gz:bin" -DoutputDirectory="$dists" >&2
        local actual
        actual=$(sha512sum "$archive" | cut -d' ' -f1)
        if [ "$actual" != "$expected" ]; then
            echo "SHA-512 mismatch for $archive: expected $expected, got $actual" >&2
            return 1
        fi
        tar -xzf "$archive" -C "$dists"
    fi
    echo "$home"
}

case "${1:-}" in
    maven)
        version=${2:?usage: $0 maven <version>}
        home=$(maven_home "$version")
        echo "== Core ITs with Maven $version ($home)"
        "$home/bin/mvn" --version | head -1
        ./mvnw -B -DskipTests -Dinvoker.mavenHome="$home" -Dit.variant="-maven-$version" \
            -Dinvoker.test="$CORE_ITS" -Dkeycloak.skip=true verify
        ;;
    jdk)
        java_home=${2:?usage: $0 jdk <java home>}
        if [ ! -x "$java_home/bin/java" ]; then
            echo "== SKIPPED: no JDK at $java_home, so the unit tests and core ITs did not run on it."
            exit 0
        fi
        feature=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 \
            | sed -n 's/^ *java.specification.version = //p')
        echo "== Unit tests and core ITs on JDK $feature ($java_home)"
        JAVA_HOME="$java_home" ./mvnw -B -Dit.variant="-jdk$feature" -Dinvoker.test="$CORE_ITS" \
            -Dkeycloak.skip=true verify
        ;;
    *)
        sed -n '2,12p' "$0" >&2
        exit 2
        ;;
esac
