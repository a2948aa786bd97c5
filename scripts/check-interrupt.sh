#!/usr/bin/env bash
# Ctrl-C of a plain `mvn` still revokes the build's token: starts the stand-in server, runs a build whose test sleeps,
# sends SIGINT to Maven's JVM once the test runs (as a terminal's Ctrl-C does), then asks the server whether the
# token is still valid and checks that the build's token file is gone.
# Needs the plugin in target/local-repo (any invoker IT run puts it there: ./mvnw -B verify -Dinvoker.test=skip).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="target/check-interrupt"
rm -rf "$WORK"
mkdir -p "$WORK/project/src/test/java/it"
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
REPO="$PWD/target/local-repo"
[ -d "$REPO/dev/cxtoken/cx-token-maven-plugin/$VERSION" ] || { echo "No plugin in $REPO; run the ITs first." >&2; exit 2; }
SUREFIRE=$(sed -n 's:.*<surefire.version>\(.*\)</surefire.version>.*:\1:p' pom.xml | head -1)
JUNIT=$(sed -n 's:.*<junit.version>\(.*\)</junit.version>.*:\1:p' pom.xml | head -1)

. scripts/standin.sh
start_standin "$WORK" interrupt-client interrupt-secret
BASE="$STANDIN_BASE"

cat >"$WORK/project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>check</groupId><artifactId>interrupt</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release></properties>
  <dependencies>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>$JUNIT</version><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>dev.cxtoken</groupId><artifactId>cx-token-maven-plugin</artifactId><version>$VERSION</version>
      <executions><execution><goals><goal>fetch-token</goal></goals></execution></executions>
      <configuration><tokenUrl>$BASE/oauth/token</tokenUrl></configuration></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>$SUREFIRE</version>
      <configuration><systemPropertyVariables><token.file>\${cx.token.file}</token.file></systemPropertyVariables></configuration></plugin>
  </plugins></build>
</project>
POM
cat >"$WORK/project/src/test/java/it/SlowTest.java" <<'JAVA'
package it;
class SlowTest {
    @org.junit.jupiter.api.Test
    void sleeps() throws Exception {
        System.out.println("Token file: " + System.getProperty("token.file"));
        System.out.println("SLOW TEST STARTED");
        Thread.sleep(120_000);
    }
}
JAVA

export GENESYS_CLIENT_ID=interrupt-client GENESYS_CLIENT_SECRET=interrupt-secret
# Job control, so that the background build does not start with SIGINT ignored, as a non-interactive shell's
# background jobs otherwise do. The wrapper and bin/mvn both exec, so this pid becomes Maven's own JVM, which a terminal's Ctrl-C reaches.
set -m
(cd "$WORK/project" && exec ../../../mvnw -B -Dmaven.repo.local="$REPO" test) >"$WORK/build.log" 2>&1 &
MAVEN_JVM=$!
set +m
for _ in $(seq 1 900); do grep -q "SLOW TEST STARTED" "$WORK/build.log" && break; kill -0 "$MAVEN_JVM" 2>/dev/null || break; sleep 0.2; done
grep -q "SLOW TEST STARTED" "$WORK/build.log" || { cat "$WORK/build.log"; echo "The test never started." >&2; exit 1; }
kill -INT "$MAVEN_JVM"
for _ in $(seq 1 100); do kill -0 "$MAVEN_JVM" 2>/dev/null || break; sleep 0.1; done
STATS=$(curl -s "$BASE/stats")
FILE=$(sed -n 's/^Token file: //p' "$WORK/build.log" | head -1)
echo "stand-in server after Ctrl-C: $STATS"
echo "$STATS" | grep -q '"issuedTokens":1,"revokedTokens":1,"activeTokens":0' \
    || { tail -20 "$WORK/build.log"; echo "FAILED: the token was not revoked on Ctrl-C." >&2; exit 1; }
[ -n "$FILE" ] && [ ! -e "$FILE" ] && [ ! -e "$(dirname "$FILE")" ] \
    || { echo "FAILED: the build's token file $FILE is still there." >&2; exit 1; }
echo "OK: Ctrl-C revoked the token and deleted $FILE."
