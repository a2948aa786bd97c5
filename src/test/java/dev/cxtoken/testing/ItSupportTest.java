package dev.cxtoken.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The leak scan excuses only Maven's own -X value dumps; every other line must still be scanned. */
class ItSupportTest {

    @Test
    void mavenValueDumpsAreDroppedAndEverythingElseIsKept() {
        String log = String.join("\n",
                "[INFO] Fetched genesys token",
                "[DEBUG]   (f) systemPropertyVariables = {cx.token=T}",
                "[DEBUG] Setting system property [cx.token]=[T]",
                "[DEBUG] env: GENESYS_TOKEN=T",
                "[DEBUG] properties used {env.A=1, env.MULTI=first",
                "second line, env.GENESYS_CLIENT_SECRET=S, java.version=17}",
                "[INFO] after the one-line dump: S",
                "plain output line: T",
                "");
        assertEquals(String.join("\n",
                "[INFO] Fetched genesys token",
                "[INFO] after the one-line dump: S",
                "plain output line: T",
                "", ""), ItSupport.withoutMavenValueDumps(log));
    }

    @Test
    void theResources3DumpIsDroppedOnlyInALogThatHasOne() {
        String dump = "[DEBUG] properties used:\n[DEBUG] env.GENESYS_CLIENT_SECRET: S\n[INFO] kept\n";
        assertEquals("[DEBUG] properties used:\n[INFO] kept\n\n", ItSupport.withoutMavenValueDumps(dump));
        assertEquals("[DEBUG] cx.token: T\n\n", ItSupport.withoutMavenValueDumps("[DEBUG] cx.token: T\n"));
    }

    @Test
    void aDumpLineThatAnotherThreadsOutputRanIntoIsStillDropped() {
        String log = "[DEBUG] properties used:\n[INFO] Tests run: 1, Time elapsed: 0.2 s[DEBUG] env.GENESYS_CLIENT_SECRET: S\n"
                + "[INFO] kept[INFO] leak: S\n";
        assertEquals("[DEBUG] properties used:\n[INFO] Tests run: 1, Time elapsed: 0.2 s\n[INFO] kept\n[INFO] leak: S\n\n",
                ItSupport.withoutMavenValueDumps(log));
    }

    @Test
    void mavensXmlDumpOfAMojoConfigurationIsDroppedToItsEnd() {
        String log = "[DEBUG] Configuration: <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n"
                + "  <clientSecretEnv>S</clientSecretEnv>\n</configuration>\n[INFO] after: S\n";
        assertEquals("[INFO] after: S\n\n", ItSupport.withoutMavenValueDumps(log));
        String maven4 = "[DEBUG] Configuration: <configuration>\n  <clientSecretEnv>S</clientSecretEnv>\n"
                + "</configuration>\n[INFO] after: S\n";
        assertEquals("[INFO] after: S\n\n", ItSupport.withoutMavenValueDumps(maven4), "Maven 4's form");
    }
}
