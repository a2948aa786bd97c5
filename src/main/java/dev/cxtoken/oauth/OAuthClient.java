package dev.cxtoken.oauth;

import com.google.gson.JsonObject;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.TokenLog;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.http.Exchanger;
import dev.cxtoken.http.HttpAnswer;
import dev.cxtoken.http.HttpCall;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/** Sends token requests and reads JSON documents over one {@link Exchanger}. */
public final class OAuthClient {
    private final Exchanger exchanger;
    private final Clock clock;
    private final TokenLog log;

    /** @param clock wall-clock time, for expiry instants */
    public OAuthClient(Exchanger exchanger, Clock clock, TokenLog log) {
        this.exchanger = exchanger;
        this.clock = clock;
        this.log = log;
    }

    public Deadline newDeadline() {
        return exchanger.newDeadline();
    }

    /**
     * @param targetAdvice what to check when the URL serves no token endpoint, without a final full stop
     * @throws TokenRefusal when the server refuses the request (4xx)
     */
    public AccessToken requestToken(TokenRequest request, String targetAdvice, Deadline deadline)
            throws CxTokenException {
        HttpCall call = request.toCall(new HttpCall.Words("Token request", "token", "token response", targetAdvice));
        HttpAnswer answer = exchanger.exchange(call, deadline);
        if (!answer.isSuccess()) {
            throw TokenRefusal.of(answer, request.grantType());
        }
        return TokenResponse.read(request.uri(), answer.status(), answer.requireJsonObject(), clock.instant(), log);
    }

    /** POSTs a JSON document and reads the token from the answer, for token APIs outside RFC 6749. */
    public AccessToken requestToken(HttpCall call, String grantType, Deadline deadline) throws CxTokenException {
        HttpAnswer answer = exchanger.exchange(call, deadline);
        if (!answer.isSuccess()) {
            throw TokenRefusal.of(answer, grantType);
        }
        return TokenResponse.read(call.uri(), answer.status(), answer.requireJsonObject(), clock.instant(), log);
    }

    /**
     * GETs a JSON document.
     *
     * @param secretForms secrets to scrub from anything the server says
     */
    public JsonObject getJson(URI uri, HttpCall.Words words, List<String> secretForms, Deadline deadline)
            throws CxTokenException {
        HttpAnswer answer = exchanger.exchange(HttpCall.get(words, uri, secretForms), deadline);
        if (!answer.isSuccess()) {
            throw new TokenRequestRejectedException(words.action() + " to " + uri + " was rejected: "
                    + answer.describe() + ". " + words.targetAdvice() + ".");
        }
        return answer.requireJsonObject();
    }
}
