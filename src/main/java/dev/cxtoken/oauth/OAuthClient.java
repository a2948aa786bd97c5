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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Sends a token request of a token API outside RFC 6749 (a JSON document, say) and reads the token from the
     * answer, with the other string fields named in {@code fields}.
     *
     * @throws TokenRefusal when the server refuses the request (4xx)
     */
    public TokenAnswer requestToken(HttpCall call, String grantType, List<String> fields, Deadline deadline)
            throws CxTokenException {
        HttpAnswer answer = exchanger.exchange(call, deadline);
        if (!answer.isSuccess()) {
            throw TokenRefusal.of(answer, grantType);
        }
        JsonObject json = answer.requireJsonObject();
        Map<String, String> found = new HashMap<>();
        for (String field : fields) {
            String value = JsonFields.string(json, field);
            if (value != null) {
                found.put(field, value);
            }
        }
        return new TokenAnswer(TokenResponse.read(call.uri(), answer.status(), json, clock.instant(), log), found);
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
