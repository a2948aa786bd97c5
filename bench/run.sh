#!/usr/bin/env bash
# Measures what the plugin costs a build, against a stand-in token server on 127.0.0.1:
#  (a) token requests made by reactors of 1, 10 and 50 modules, built with and without -T 4;
#  (b) wall time of `mvn initialize` on the 50-module reactor: with the goal in every module (revoking its token at
#      the end), the same with -Dcxtoken.revoke=false, maven-enforcer-plugin's enforce (one requireJavaVersion rule)
#      in every module instead (Maven's cost of any plugin per module), and no plugin at all; ratios of medians.
# Usage: bench/run.sh [runs]   (runs per variant for (b); default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-7}"
WORK="target/bench"
MVN="$PWD/mvnw"
rm -rf "$WORK"
mkdir -p "$WORK"

echo "Building and installing the plugin into the local repository..."
"$MVN" -B -q -DskipTests -Dinvoker.skip=true install
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)

. scripts/standin.sh
start_standin "$WORK" bench-client bench-secret
BASE="$STANDIN_BASE"

make_reactor() { # modules dir
    local n=$1 dir=$2 modules=""
    mkdir -p "$dir"
    for i in $(seq 1 "$n"); do
        modules="$modules    <module>m$i</module>"$'\n'
        mkdir -p "$dir/m$i"
        cat >"$dir/m$i/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent><groupId>bench</groupId><artifactId>parent</artifactId><version>1</version></parent>
  <artifactId>m$i</artifactId>
  <packaging>pom</packaging>
</project>
POM
    done
    cat >"$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>parent</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <modules>
$modules  </modules>
  <profiles>
    <profile>
      <id>with-token</id>
      <activation><property><name>!no-token</name></property></activation>
      <build>
        <plugins>
          <plugin>
            <groupId>dev.cxtoken</groupId>
            <artifactId>cx-token-maven-plugin</artifactId>
            <version>$VERSION</version>
            <executions><execution><goals><goal>fetch-token</goal></goals></execution></executions>
            <configuration><tokenUrl>$BASE/oauth/token</tokenUrl></configuration>
          </plugin>
        </plugins>
      </build>
    </profile>
    <profile>
      <id>with-enforcer</id>
      <activation><property><name>enforcer-instead</name></property></activation>
      <build>
        <plugins>
          <plugin>
            <groupId>org.apache.maven.plugins</groupId>
            <artifactId>maven-enforcer-plugin</artifactId>
            <version>3.6.2</version>
            <executions><execution><phase>initialize</phase><goals><goal>enforce</goal></goals>
              <configuration><rules><requireJavaVersion><version>11</version></requireJavaVersion></rules></configuration>
            </execution></executions>
          </plugin>
        </plugins>
      </build>
    </profile>
  </profiles>
</project>
POM
}

export GENESYS_CLIENT_ID=bench-client GENESYS_CLIENT_SECRET=bench-secret
stats() { curl -s "$BASE/stats" | sed -n 's/.*"tokenRequests":\([0-9]*\).*/\1/p'; }

echo
echo "(a) Token requests per build"
printf '%-10s %-8s %s\n' modules threads requests
for n in 1 10 50; do
    make_reactor "$n" "$WORK/reactor-$n"
    for threads in 1 4; do
        before=$(stats)
        (cd "$WORK/reactor-$n" && "$MVN" -B -q -T "$threads" initialize)
        after=$(stats)
        printf '%-10s %-8s %s\n' "$n" "$threads" "$((after - before))"
    done
done

echo
echo "(b) Wall time of 'mvn initialize' on the 50-module reactor, $RUNS runs each, alternating"
echo "    with: the goal in every module, its token revoked when the build ends; kept: the same with"
echo "    -Dcxtoken.revoke=false; enforcer: maven-enforcer-plugin's enforce in every module instead, which is Maven's"
echo "    cost of any plugin per module; without: no plugin at all."
millis() { date +%s%3N; }
run() { (cd "$WORK/reactor-50" && "$MVN" -B -q "$@" initialize); }
run -Denforcer-instead -Dno-token   # resolves the enforcer plugin once, outside the timed runs
with=(); kept=(); enforcer=(); without=()
for r in $(seq 1 "$RUNS"); do
    t0=$(millis); run; t1=$(millis)
    run -Dcxtoken.revoke=false; t2=$(millis)
    run -Denforcer-instead -Dno-token; t3=$(millis)
    run -Dno-token; t4=$(millis)
    with+=($((t1 - t0))); kept+=($((t2 - t1))); enforcer+=($((t3 - t2))); without+=($((t4 - t3)))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mw=$(median "${with[@]}"); mk=$(median "${kept[@]}"); me=$(median "${enforcer[@]}"); mo=$(median "${without[@]}")
echo "with plugin, revoking (ms): ${with[*]}  median $mw"
echo "with plugin, kept (ms):     ${kept[*]}  median $mk"
echo "enforcer instead (ms):      ${enforcer[*]}  median $me"
echo "without plugin (ms):        ${without[*]}  median $mo"
awk -v w="$mw" -v k="$mk" -v e="$me" -v o="$mo" 'BEGIN {
    printf "revocation at the end adds: %+d ms (median with / kept: %.3f)\n", w - k, w / k
    printf "ratio of medians, with / enforcer: %.3f (target: 1.05 or less)\n", w / e
    printf "ratio of medians, enforcer / without: %.3f (what any plugin in every module costs)\n", e / o
    printf "ratio of medians, with / without: %.3f\n", w / o
}'
revoked=$(curl -s "$BASE/stats" | sed -n 's/.*"revokedTokens":\([0-9]*\).*/\1/p')
echo "tokens revoked by the stand-in server during the benchmark: ${revoked:-unknown}"
