package dev.cxtoken.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cxtoken.testing.PluginDescriptorFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The parameter table of the manual ({@code src/site/markdown/parameters.md}, once in the README) is the reference
 * users read; the plugin descriptor is what Maven, {@code mvn cx-token:help -Ddetail} and the site's goal page use.
 * They must agree on every parameter, user property and default, whatever rows the table has.
 */
class ReadmeParameterTableTest {

    @Test
    void readmeTableAgreesWithThePluginDescriptor() throws Exception {
        Map<String, ReadmeParameterTable.Row> documented = ReadmeParameterTable.read(
                Files.readString(Path.of(ReadmeParameterTable.PAGE)));
        Map<String, PluginDescriptorFile.Parameter> declared = PluginDescriptorFile.load().goal("fetch-token");

        List<String> problems = disagreements(documented, declared);
        if (!problems.isEmpty()) {
            fail(ReadmeParameterTable.PAGE + "'s parameter table and the plugin descriptor disagree:\n  "
                    + String.join("\n  ", problems));
        }
    }

    @Test
    void everyParameterHasJavadocForHelpAndTheSite() throws Exception {
        Map<String, PluginDescriptorFile.Parameter> declared = PluginDescriptorFile.load().goal("fetch-token");
        assertFalse(declared.isEmpty(), "the descriptor lists no parameters for fetch-token");
        for (PluginDescriptorFile.Parameter parameter : declared.values()) {
            String description = parameter.description == null ? "" : parameter.description.trim();
            assertTrue(description.split("\\s+").length >= 4,
                    "parameter " + parameter.name + " needs Javadoc that says what users need to know, not '"
                            + description + "'");
        }
    }

    static List<String> disagreements(
            Map<String, ReadmeParameterTable.Row> documented, Map<String, PluginDescriptorFile.Parameter> declared) {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(declared.keySet())) {
            if (!documented.containsKey(name)) {
                problems.add("`" + name + "` is a parameter of fetch-token but has no row in parameters.md's table");
            }
        }
        for (ReadmeParameterTable.Row row : documented.values()) {
            PluginDescriptorFile.Parameter parameter = declared.get(row.name);
            String where = "parameters.md line " + row.line + ": `" + row.name + "` ";
            if (parameter == null) {
                problems.add(where + "is not a parameter of fetch-token");
                continue;
            }
            if (!Objects.equals(parameter.property, row.property)) {
                problems.add(where + "has user property " + code(row.property) + " in parameters.md but "
                        + code(parameter.property) + " in the descriptor");
            }
            if (!Objects.equals(parameter.defaultValue, row.literalDefault)) {
                problems.add(where + "has default '" + row.defaultCell + "' in parameters.md but "
                        + (parameter.defaultValue == null
                                ? "none in the descriptor (write none, or say in words how it is derived)"
                                : "`" + parameter.defaultValue + "` in the descriptor"));
            }
        }
        return problems;
    }

    private static String code(String value) {
        return value == null ? "none" : "`" + value + "`";
    }

    // The checks above are only as good as the reader and the comparison: both must see what a person sees.

    private static final String TABLES = String.join("\n",
            "# Title",
            "",
            "| parameter | user property | default | meaning |",
            "|---|---|---|---|",
            "| `timeout` | `cxtoken.timeout` | `60` | seconds, 1 to 3600 |",
            "| `parameters` | none | none | extra form parameters |",
            "| `clientIdEnv` | `cxtoken.clientIdEnv` | `A` (genesys), `B` (oauth2) | variable |",
            "",
            "Text between tables.",
            "",
            "| Parameter | User property | Default | Meaning |",
            "| --- | --- | --- | --- |",
            "| `accessKeyIdEnv` | `cxtoken.accessKeyIdEnv` | `CXONE_ACCESS_KEY_ID` | a \\| b |",
            "",
            "| property | value |",
            "|---|---|",
            "| `cx.token` | the token |");

    @Test
    void readerTakesTheRowsOfEveryParameterTable() {
        Map<String, ReadmeParameterTable.Row> rows = ReadmeParameterTable.read(TABLES);
        assertEquals(Set.of("timeout", "parameters", "clientIdEnv", "accessKeyIdEnv"), rows.keySet());
        assertEquals("cxtoken.timeout", rows.get("timeout").property);
        assertEquals("60", rows.get("timeout").literalDefault);
        assertEquals(5, rows.get("timeout").line);
        assertNull(rows.get("parameters").property);
        assertNull(rows.get("parameters").literalDefault);
        assertNull(rows.get("clientIdEnv").literalDefault, "a default described in words is not a literal one");
        assertEquals("CXONE_ACCESS_KEY_ID", rows.get("accessKeyIdEnv").literalDefault);
    }

    @Test
    void everyKindOfDisagreementIsReported() {
        Map<String, ReadmeParameterTable.Row> rows = ReadmeParameterTable.read(TABLES);
        Map<String, PluginDescriptorFile.Parameter> declared = Map.of(
                "timeout", new PluginDescriptorFile.Parameter("timeout", "cxtoken.timeout", "90", "d"),
                "parameters", new PluginDescriptorFile.Parameter("parameters", null, null, "d"),
                "clientIdEnv", new PluginDescriptorFile.Parameter("clientIdEnv", "cxtoken.clientIdEnvironment", null, "d"),
                "accessKeyIdEnv", new PluginDescriptorFile.Parameter("accessKeyIdEnv", "cxtoken.accessKeyIdEnv", null, "d"),
                "skip", new PluginDescriptorFile.Parameter("skip", "cxtoken.skip", "false", "d"));
        String problems = String.join("\n", disagreements(rows, declared));
        assertTrue(problems.contains("`skip` is a parameter of fetch-token but has no row"), problems);
        assertTrue(problems.contains("`timeout` has default '`60`' in parameters.md but `90` in the descriptor"), problems);
        assertTrue(problems.contains("`clientIdEnv` has user property `cxtoken.clientIdEnv` in parameters.md but"
                + " `cxtoken.clientIdEnvironment`"), problems);
        assertTrue(problems.contains("`accessKeyIdEnv` has default '`CXONE_ACCESS_KEY_ID`' in parameters.md but none"),
                problems);
        assertEquals(4, disagreements(rows, declared).size(), problems);

        Map<String, PluginDescriptorFile.Parameter> fewer = Map.of(
                "timeout", new PluginDescriptorFile.Parameter("timeout", "cxtoken.timeout", "60", "d"));
        assertTrue(String.join("\n", disagreements(rows, fewer)).contains("`parameters` is not a parameter"));
    }

    @Test
    void readerRefusesWhatItCannotRead() {
        assertThrowsMentioning("no parameter table", "# Title\n\nNo table here.\n");
        assertThrowsMentioning("parameters.md line 3: write the parameter name as `name`",
                "| parameter | user property | default | meaning |\n|---|---|---|---|\n| timeout | x | 60 | s |\n");
        assertThrowsMentioning("write the user property as `name`, or none",
                "| parameter | user property | default | meaning |\n|---|---|---|---|\n| `timeout` | x | 60 | s |\n");
        assertThrowsMentioning("`skip` is documented twice",
                "| parameter | user property | default | meaning |\n|---|---|---|---|\n"
                        + "| `skip` | `cxtoken.skip` | `false` | a |\n| `skip` | `cxtoken.skip` | `false` | b |\n");
    }

    private static void assertThrowsMentioning(String expected, String markdown) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReadmeParameterTable.read(markdown));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
