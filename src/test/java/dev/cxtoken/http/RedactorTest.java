package dev.cxtoken.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.oauth.ClientAuthentications;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String SECRET = "pa:ss&wörd+1=%41";
    private final Redactor redactor = new Redactor(List.of(SECRET, ClientAuthentications.formEncode(SECRET)));

    @Test
    void textWithoutSecretsIsShownAsItCame() {
        String text = "a+b %41 &amp; \\u0041 &#65; café";
        assertEquals(text, redactor.scrub(text));
        assertEquals("Bad request: missing grant_type", redactor.excerpt("<p>Bad request: missing grant_type</p>",
                true, 200));
    }

    @Test
    void secretsAreMaskedInEverySpellingAndNesting() {
        String[] echoes = {
            SECRET,
            "pa%3Ass%26w%C3%B6rd%2B1%3D%2541",
            "pa%3ass%26w%c3%b6rd%2b1%3d%2541",
            "pa:ss&amp;wörd+1=%41",
            "pa:ss&#38;w&#xF6;rd+1=%41",
            "pa:ss\\u0026w\\u00f6rd+1\\u003d%41",
            "pa:ss\\u0026amp;wörd+1=%41",
            "pa%253Ass%2526w%25C3%25B6rd%252B1%253D%252541",
            "pa:ss%26amp%3Bw%C3%B6rd%2B1%3D%2541",
        };
        for (String echo : echoes) {
            String shown = redactor.scrub("you sent [" + echo + "] which is wrong");
            assertEquals("you sent [****] which is wrong", shown, echo);
        }
    }

    @Test
    void aSecretHoldingMarkupIsMaskedBeforeTheMarkupIsRemoved() {
        String secret = "ab<cd efg";
        Redactor markup = new Redactor(List.of(secret));
        String shown = markup.excerpt("<html><p>secret " + secret + "</p><p>end</p></html>", true, 200);
        assertEquals("secret **** end", shown);
    }

    @Test
    void anExcerptIsOneShortLine() {
        String shown = redactor.excerpt("<style>x{}</style>line\n\t one " + "x".repeat(500), true, 50);
        assertTrue(shown.startsWith("line one xxx") && shown.endsWith("…") && shown.length() == 51, shown);
    }

    @Test
    void shortValuesAreNotMasked() {
        assertEquals("the abc", new Redactor(List.of("abc")).scrub("the abc"));
        assertFalse(new Redactor(List.of("abcd")).scrub("the abcd").contains("abcd"));
    }

    @Test
    void theBase64FormOfTheSecretAloneIsMasked() {
        String standard = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        for (String echo : new String[] {standard, urlSafe}) {
            String shown = redactor.scrub("credential [" + echo + "] refused");
            assertEquals("credential [****] refused", shown, echo);
        }
    }

    @Test
    void anEchoWithItsCaseChangedIsMasked() {
        Redactor plain = new Redactor(List.of("MixedCase-Secret-42"));
        assertEquals("got **** and ****", plain.scrub("got MIXEDCASE-SECRET-42 and mixedcase-secret-42"));
    }
}
