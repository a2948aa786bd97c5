package dev.cxtoken.oauth;

import com.google.gson.JsonObject;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenLog;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.http.Exchanger;
import dev.cxtoken.http.HttpAnswer;
import dev.cxtoken.http.HttpCall;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        HttpCall call = request.toCall(new HttpCall.Words("Token request", "token", "token response", targetAdvice),
                this, clock, deadline);
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
     * Asks the server to revoke an access token (RFC 7009 §2.1), authenticating the client as the token request did.
     *
     * @return the final answer: 2xx means revoked; what any other means is the caller's business
     */
    public HttpAnswer revoke(URI endpoint, TokenRequest.Client client, Secret token, HttpCall.Words words,
            Deadline deadline) throws CxTokenException {
        HttpCall call = HttpCall.postForm(words, endpoint, () -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("token", token.reveal());
            form.put("token_type_hint", "access_token");
            List<String> secrets = new ArrayList<>();
            secrets.add(token.reveal());
            Secret authorization = client.authenticate(this, clock, deadline, form, secrets);
            return new HttpCall.Form(form, authorization, secrets);
        });
        return exchanger.exchange(call, deadline);
    }

    /** Sends a call whose answer the caller reads itself, such as a request with a bearer token. */
    public HttpAnswer send(HttpCall call, Deadline deadline) throws CxTokenException {
        return exchanger.exchange(call, deadline);
    }

    /**
     * GETs a JSON document.
     *
     * @param secretForms secrets to scrub from anything the server says
     */
    public JsonObject getJson(URI uri, HttpCall.Words words, List<String> secretForms, Deadline deadline)
            throws CxTokenException {
        return getJson(uri, words, null, secretForms, deadline);
    }

    /**
     * GETs a JSON document with an Authorization header, such as a bearer token.
     *
     * @param authorization the header's value, or null
     */
    public JsonObject getJson(URI uri, HttpCall.Words words, Secret authorization, List<String> secretForms,
            Deadline deadline) throws CxTokenException {
        HttpAnswer answer = exchanger.exchange(HttpCall.get(words, uri, authorization, secretForms), deadline);
        if (!answer.isSuccess()) {
            throw new TokenRequestRejectedException(words.action() + " to " + uri + " was rejected: "
                    + answer.describe() + ". " + words.targetAdvice() + ".");
        }
        return answer.requireJsonObject();
    }
}
