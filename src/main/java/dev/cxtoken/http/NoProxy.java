package dev.cxtoken.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code NO_PROXY} list that CI runners set, as curl and most tools read it: entries separated by commas or white
 * space; {@code *} for every host; a host name, which also covers its subdomains, with or without a leading
 * {@code .} or {@code *.}; an IP literal; a CIDR range such as {@code 10.0.0.0/8}, matched against IP literals only
 * (no name is looked up to decide). A {@code :port} on an entry is ignored.
 */
final class NoProxy implements Predicate<String> {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean everything;
    private final List<String> suffixes;
    private final List<byte[]> networks;
    private final List<Integer> prefixLengths;

    private NoProxy(boolean everything, List<String> suffixes, List<byte[]> networks, List<Integer> prefixLengths) {
        this.everything = everything;
        this.suffixes = suffixes;
        this.networks = networks;
        this.prefixLengths = prefixLengths;
    }

    static NoProxy parse(String list) {
        boolean everything = false;
        List<String> suffixes = new ArrayList<>();
        List<byte[]> networks = new ArrayList<>();
        List<Integer> prefixLengths = new ArrayList<>();
        for (String raw : (list == null ? "" : list).split("[,\\s]+")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                everything = true;
                continue;
            }
            int slash = entry.indexOf('/');
            if (slash > 0) {
                byte[] network = ipLiteral(entry.substring(0, slash));
                Integer bits = bits(entry.substring(slash + 1));
                if (network != null && bits != null && bits <= network.length * 8) {
                    networks.add(network);
                    prefixLengths.add(bits);
                }
                continue;
            }
            String host = withoutPort(entry);
            byte[] address = ipLiteral(host);
            if (address != null) {
                networks.add(address);
                prefixLengths.add(address.length * 8);
                continue;
            }
            while (host.startsWith("*") || host.startsWith(".")) {
                host = host.substring(1);
            }
            if (!host.isEmpty()) {
                suffixes.add(host);
            }
        }
        return new NoProxy(everything, Collections.unmodifiableList(suffixes), networks, prefixLengths);
    }

    /** Whether a request to {@code host} goes direct. */
    @Override
    public boolean test(String host) {
        if (everything) {
            return true;
        }
        String name = host.toLowerCase(Locale.ROOT);
        byte[] address = ipLiteral(name);
        if (address != null) {
            for (int i = 0; i < networks.size(); i++) {
                if (within(address, networks.get(i), prefixLengths.get(i))) {
                    return true;
                }
            }
            return false;
        }
        for (String suffix : suffixes) {
            if (name.equals(suffix) || name.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end > 0 ? entry.substring(1, end) : entry;
        }
        int colon = entry.indexOf(':');
        // More than one colon: an IPv6 literal without brackets, which has no port.
        return colon > 0 && entry.indexOf(':', colon + 1) < 0 ? entry.substring(0, colon) : entry;
    }

    /** The address of an IPv4 or IPv6 literal, or null for a name: never a name lookup. */
    private static byte[] ipLiteral(String text) {
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPV4.matcher(host).matches()) {
            byte[] address = new byte[4];
            String[] parts = host.split("\\.");
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                address[i] = (byte) part;
            }
            return address;
        }
        if (!host.contains(":") || !host.matches("[0-9a-f:.]+")) {
            return null;
        }
        try {
            // In brackets the JDK parses an IPv6 literal or refuses it; it never looks the text up as a name.
            return InetAddress.getByName("[" + host + "]").getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static Integer bits(String text) {
        try {
            int bits = Integer.parseInt(text);
            return bits < 0 ? null : bits;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean within(byte[] address, byte[] network, int bits) {
        if (address.length != network.length) {
            return false;
        }
        int total = address.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(total - bits).subtract(BigInteger.ONE));
        return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    @Override
    public String toString() {
        return "NoProxy{" + (everything ? "*" : suffixes + ", " + networks.size() + " address ranges") + "}";
    }
}
