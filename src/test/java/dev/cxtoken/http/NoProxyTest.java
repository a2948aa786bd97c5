package dev.cxtoken.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** NO_PROXY as CI runners set it and curl reads it. */
class NoProxyTest {
    @Test
    void hostNamesCoverTheirSubdomainsWithOrWithoutALeadingDotOrStar() {
        NoProxy noProxy = NoProxy.parse(" internal.corp, .mypurecloud.ie , *.example.test,Exact.Host:8443");
        assertTrue(noProxy.test("internal.corp"));
        assertTrue(noProxy.test("auth.internal.corp"));
        assertTrue(noProxy.test("login.mypurecloud.ie"));
        assertTrue(noProxy.test("mypurecloud.ie"));
        assertTrue(noProxy.test("token.EXAMPLE.test"));
        assertTrue(noProxy.test("exact.host"), "a port on an entry is ignored");
        assertFalse(noProxy.test("notinternal.corp"), "a suffix matches at a label boundary only");
        assertFalse(noProxy.test("mypurecloud.ie.evil.example"));
        assertFalse(noProxy.test("login.mypurecloud.com"));
    }

    @Test
    void ipLiteralsAndCidrRangesMatchAddressesWithoutLookingUpNames() {
        NoProxy noProxy = NoProxy.parse("10.0.0.0/8 192.168.1.7,[fd00::1], 2001:db8::/32,172.16.0.0/12");
        assertTrue(noProxy.test("10.200.3.4"));
        assertTrue(noProxy.test("192.168.1.7"));
        assertFalse(noProxy.test("192.168.1.8"));
        assertTrue(noProxy.test("172.31.255.255"));
        assertFalse(noProxy.test("172.32.0.1"));
        assertTrue(noProxy.test("fd00::1"));
        assertTrue(noProxy.test("[2001:db8:1::5]"));
        assertFalse(noProxy.test("2001:db9::1"));
        assertFalse(noProxy.test("ten.example"), "a name is not compared with ranges, and not looked up");
        assertFalse(noProxy.test("10.0.0.999"), "not an address");
    }

    @Test
    void aStarBypassesEveryHostAndAnEmptyListNone() {
        assertTrue(NoProxy.parse("localhost,*").test("login.mypurecloud.com"));
        assertFalse(NoProxy.parse("").test("login.mypurecloud.com"));
        assertFalse(NoProxy.parse(null).test("login.mypurecloud.com"));
        assertFalse(NoProxy.parse("999.1.1.1/8, 10.0.0.0/99, /8").test("10.1.1.1"), "malformed ranges are skipped");
    }
}
