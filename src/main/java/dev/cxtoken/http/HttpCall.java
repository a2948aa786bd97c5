package dev.cxtoken.http;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to send, with the words its messages use and every spelling of the secrets it carries, so that text a
 * server echoes back can be scrubbed. GET without a body, or POST with a form or a JSON document.
 */
public final class HttpCall {
    final String action;
    final String result;
    final String answer;
    final String targetAdvice;
    final URI uri;
    /** GET, POST or DELETE. */
    final String method;
    /** Makes the form to POST for each attempt, or null. */
    final FormMaker form;
    /** The JSON document to POST, or null. */
    final Secret json;
    final Secret authorization;
    final List<String> secretForms;

    private HttpCall(Words words, String method, URI uri, FormMaker form, Secret json,
            Secret authorization, List<String> secretForms) {
        this.method = method;
        this.action = words.action;
        this.result = words.result;
        this.answer = words.answer;
        this.targetAdvice = words.targetAdvice;
        this.uri = uri;
        this.form = form;
        this.json = json;
        this.authorization = authorization;
        this.secretForms = Collections.unmodifiableList(new ArrayList<>(secretForms));
    }

    /**
     * Makes a form and its credentials for one attempt. It is asked again for every retry, so that a credential a
     * server accepts only once (a signed client assertion with its own jti) is made anew rather than sent twice.
     */
    @FunctionalInterface
    public interface FormMaker {
        Form make() throws CxTokenException;
    }

    /** One attempt's form, its Authorization header, and every spelling of the secrets in either. */
    public static final class Form {
        final Map<String, String> fields;
        final Secret authorization;
        final List<String> secretForms;

        /** @param authorization the Authorization header's value, or null */
        public Form(Map<String, String> fields, Secret authorization, List<String> secretForms) {
            this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            this.authorization = authorization;
            this.secretForms = Collections.unmodifiableList(new ArrayList<>(secretForms));
        }

        @Override
        public String toString() {
            return "Form{" + fields.keySet() + "}";
        }
    }

    /** What messages about the exchange say. */
    public static final class Words {
        final String action;
        final String result;
        final String answer;
        final String targetAdvice;

        /**
         * @param action starts messages: "Token request", "OpenID discovery request"
         * @param result what the exchange is after, for "No token from ...": "token", "discovery document"
         * @param answer what a good answer is: "token response", "discovery document"
         * @param targetAdvice what to check when the URL does not serve that, without a final full stop
         */
        public Words(String action, String result, String answer, String targetAdvice) {
            this.action = action;
            this.result = result;
            this.answer = answer;
            this.targetAdvice = targetAdvice;
        }

        public String action() {
            return action;
        }

        public String targetAdvice() {
            return targetAdvice;
        }
    }

    public static HttpCall get(Words words, URI uri, List<String> secretForms) {
        return new HttpCall(words, "GET", uri, null, null, null, secretForms);
    }

    /** A GET that authenticates, such as with a bearer token. @param authorization the header's value */
    public static HttpCall get(Words words, URI uri, Secret authorization, List<String> secretForms) {
        return new HttpCall(words, "GET", uri, null, null, authorization, secretForms);
    }

    /** @param authorization the Authorization header's value */
    public static HttpCall delete(Words words, URI uri, Secret authorization, List<String> secretForms) {
        return new HttpCall(words, "DELETE", uri, null, null, authorization, secretForms);
    }

    /** @param authorization the Authorization header's value, or null */
    public static HttpCall postForm(Words words, URI uri, Map<String, String> form, Secret authorization,
            List<String> secretForms) {
        Form fixed = new Form(form, authorization, secretForms);
        return new HttpCall(words, "POST", uri, () -> fixed, null, null, secretForms);
    }

    /** A form POST whose fields and credentials {@code maker} makes anew for every attempt. */
    public static HttpCall postForm(Words words, URI uri, FormMaker maker) {
        return new HttpCall(words, "POST", uri, maker, null, null, Collections.<String>emptyList());
    }

    /** @param json the document, a secret because it may hold credentials */
    public static HttpCall postJson(Words words, URI uri, Secret json, List<String> secretForms) {
        return new HttpCall(words, "POST", uri, null, json, null, secretForms);
    }

    public URI uri() {
        return uri;
    }

    public String action() {
        return action;
    }

    public String answer() {
        return answer;
    }

    public String targetAdvice() {
        return targetAdvice;
    }

    boolean sendsCredentials() {
        return form != null || json != null || authorization != null;
    }

    @Override
    public String toString() {
        return "HttpCall{" + action + " " + method + " " + uri + "}";
    }
}
