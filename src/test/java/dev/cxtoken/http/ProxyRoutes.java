package dev.cxtoken.http;

/** Test access to what a route decides, for tests outside this package. */
public final class ProxyRoutes {
    private ProxyRoutes() {}

    public static boolean bypasses(ProxyRoute route, String host) {
        return route.bypasses(host);
    }
}
