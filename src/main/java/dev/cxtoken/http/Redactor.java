package dev.cxtoken.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces known secret values in text that came from outside (error pages may echo the request).
 *
 * <p>A server seldom echoes a value byte for byte: an HTML page escapes {@code &} as {@code &amp;}, a JSON body may
 * write {@code =} or {@code ü} as unicode escapes, a form value comes back percent-encoded in either hex case, and these
 * nest (an HTML-escaped value inside a JSON string). So besides the spellings the request itself used, the text is
 * decoded in every order up to a few layers deep, and when a secret turns up in a decoded layer, that layer, masked, is
 * what gets shown.
 *
 * <p>Each secret is also looked for in its Base64 forms, and every match ignores case, which costs nothing and catches
 * servers that upper-case what they echo. What it cannot catch (values under four characters, a secret echoed only in
 * part or inside a longer Base64 run) is listed in the security notes (src/site/markdown/security.md).
 */
public final class Redactor {
    private static final String MASK = "****";
    /** Layers of encoding peeled off at most, in any order. */
    private static final int MAX_DEPTH = 4;
    /** Decoded layers adopted for showing at most; a text needing more is not shown at all. */
    private static final int MAX_ADOPTED_LAYERS = 8;
    private static final String WITHHELD = "(not shown: it quotes the client secret)";
    private static final Pattern HTML_REFERENCE =
            Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,6}));");
    private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\(?:u([0-9a-fA-F]{4})|([\"\\\\/]))");
    private static final Pattern PERCENT_RUN = Pattern.compile("(?:%[0-9a-fA-F]{2})+");
    private static final List<UnaryOperator<String>> DECODERS = Arrays.asList(Redactor::decodeHtmlReferences,
            Redactor::decodeJsonEscapes, Redactor::decodePercentRuns, text -> text.replace('+', ' '));

    private final List<String> forms;
    private final Pattern secrets;

    public Redactor(List<String> secretForms) {
        Set<String> unique = new LinkedHashSet<>();
        for (String form : secretForms) {
            // Very short values would mask ordinary words and tell nothing anyway.
            if (form != null && form.length() >= 4) {
                unique.add(form);
                byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
                unique.add(Base64.getEncoder().encodeToString(bytes));
                unique.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            }
        }
        List<String> sorted = new ArrayList<>(unique);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.forms = Collections.unmodifiableList(sorted);
        StringBuilder alternatives = new StringBuilder();
        for (String form : sorted) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(form));
        }
        this.secrets = sorted.isEmpty() ? null
                : Pattern.compile(alternatives.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** This redactor's secrets and some more, such as a token just received. */
    public Redactor with(List<String> moreForms) {
        List<String> all = new ArrayList<>(forms);
        all.addAll(moreForms);
        return new Redactor(all);
    }

        public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String shown = mask(text);
        for (int adopted = 0; adopted < MAX_ADOPTED_LAYERS; adopted++) {
            String revealing = revealingLayer(shown, MAX_DEPTH, new HashSet<>());
            if (revealing == null) {
                return shown;
            }
            // Masked there; look again from it, since another echo may hide under a different encoding.
            shown = revealing;
        }
        return WITHHELD;
    }

    /**
     * Decodes {@code text} along every sequence of at most {@code depth} decoders and returns the first layer in which
     * a secret appears, masked; or null when none does. Decoders that do not change the text end their branch.
     */
    private String revealingLayer(String text, int depth, Set<String> seen) {
        for (UnaryOperator<String> decoder : DECODERS) {
            String decoded = decoder.apply(text);
            if (decoded.equals(text) || !seen.add(decoded)) {
                continue;
            }
            String masked = mask(decoded);
            if (!masked.equals(decoded)) {
                return masked;
            }
            if (depth > 1) {
                String deeper = revealingLayer(decoded, depth - 1, seen);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }

    private String mask(String text) {
        return secrets == null ? text : secrets.matcher(text).replaceAll(MASK);
    }

    /**
     * A one-line excerpt of a server's answer: markup and control characters removed, white space folded, secrets
     * masked, at most {@code maxChars} long.
     */
    public String excerpt(String body, boolean html, int maxChars) {
        // Masked before the markup goes, too: a secret holding '<' would otherwise lose pieces to the tag stripping
        // and no longer be recognised.
        String text = scrub(body == null ? "" : body);
        if (html) {
            text = text.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
        }
        StringBuilder clean = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(Character.isISOControl(c) || Character.isWhitespace(c) ? ' ' : c);
        }
        String folded = scrub(clean.toString().replaceAll(" +", " ").trim());
        return folded.length() <= maxChars ? folded : folded.substring(0, maxChars) + "…";
    }

    static String decodeHtmlReferences(String text) {
        Matcher reference = HTML_REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (reference.find()) {
            String decoded;
            if (reference.group(1) != null) {
                decoded = codePoint(Integer.parseInt(reference.group(1)));
            } else if (reference.group(2) != null) {
                decoded = codePoint(Integer.parseInt(reference.group(2), 16));
            } else {
                decoded = namedReference(reference.group(3).toLowerCase(Locale.ROOT));
            }
            reference.appendReplacement(result, Matcher.quoteReplacement(decoded == null ? reference.group() : decoded));
        }
        return reference.appendTail(result).toString();
    }

    private static String namedReference(String name) {
        switch (name) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            case "nbsp":
                return " ";
            default:
                return null;
        }
    }

    private static String codePoint(int value) {
        return Character.isValidCodePoint(value) ? new String(Character.toChars(value)) : null;
    }

    static String decodeJsonEscapes(String text) {
        Matcher escape = JSON_ESCAPE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (escape.find()) {
            String decoded = escape.group(1) != null
                    ? String.valueOf((char) Integer.parseInt(escape.group(1), 16)) : escape.group(2);
            escape.appendReplacement(result, Matcher.quoteReplacement(decoded));
        }
        return escape.appendTail(result).toString();
    }

    /** Percent-escapes as UTF-8, as URLs and form values carry them; a form's '+' for a space is the next step. */
    static String decodePercentRuns(String text) {
        Matcher run = PERCENT_RUN.matcher(text);
        StringBuilder result = new StringBuilder();
        while (run.find()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String escapes = run.group();
            for (int i = 0; i < escapes.length(); i += 3) {
                bytes.write(Integer.parseInt(escapes.substring(i + 1, i + 3), 16));
            }
            run.appendReplacement(result,
                    Matcher.quoteReplacement(new String(bytes.toByteArray(), StandardCharsets.UTF_8)));
        }
        return run.appendTail(result).toString();
    }
}
