package dev.cxtoken.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;

/**
 * A resolver that knows only the names a test gives it (all on loopback) and IP literals, and never asks DNS. A
 * client using it that tries to resolve any other name fails at once, which shows that a proxy did the resolving.
 */
public final class TestDns implements DnsResolver {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:]+]?");

    private final Set<String> loopbackNames;

    public TestDns(String... loopbackNames) {
        this.loopbackNames =
                Arrays.stream(loopbackNames).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (loopbackNames.contains(host.toLowerCase(Locale.ROOT))) {
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        if (IP_LITERAL.matcher(host).matches()) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host + " (unknown to the test resolver)");
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
