#!/usr/bin/env bash
# Runs the stand-in token server of this repository's tests and demo on 127.0.0.1, for trying the plugin in a
# project of your own without a Genesys Cloud or CXone org. It needs only a JDK (11+): the server is one source file.
#
#   scripts/stand-in-server.sh [port]        (default port 8088; Ctrl-C stops it)
#
# It issues tokens to one client, answers GET/DELETE /api/v2/tokens/me like Genesys Cloud, and implements RFC 7009
# revocation at /oauth2/revoke. Point a build at it with the commands it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-8088}"
CLIENT_ID="${STANDIN_CLIENT_ID:-local-client}"
CLIENT_SECRET="${STANDIN_CLIENT_SECRET:-local-secret}"
cat <<TEXT
In the project to try, with the plugin installed (./mvnw -B install -DskipTests -Dinvoker.skip=true here):

  GENESYS_CLIENT_ID=$CLIENT_ID GENESYS_CLIENT_SECRET=$CLIENT_SECRET \\
    mvn verify -Dcxtoken.tokenUrl=http://127.0.0.1:$PORT/oauth/token

Tests then call http://127.0.0.1:$PORT/api/v2/tokens/me with the token (\${cx.token.apiBaseUrl} is that origin).
The client id and secret are set with STANDIN_CLIENT_ID and STANDIN_CLIENT_SECRET. Ctrl-C stops the server.

TEXT
exec java src/test/java/dev/cxtoken/standin/StandInTokenServer.java --port "$PORT" \
    --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET"
