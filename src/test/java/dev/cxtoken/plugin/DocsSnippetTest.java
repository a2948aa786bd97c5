package dev.cxtoken.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code <plugin>} snippet in the docs names its {@code <version>}: Maven before 3.9 binds Surefire 2.12.4 to a
 * snippet without one, which runs no JUnit 5 test and still reports BUILD SUCCESS.
 */
class DocsSnippetTest {
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PLUGIN = Pattern.compile("<plugin>(.*?)</plugin>", Pattern.DOTALL);
    /** Elements inside a plugin whose own {@code <version>} would not be the plugin's. */
    private static final Pattern NESTED = Pattern.compile(
            "<(dependencies|configuration|executions)>.*?</\\1>", Pattern.DOTALL);

    static List<String> pluginsWithoutVersion(String markdown) {
        List<String> missing = new ArrayList<>();
        Matcher block = XML_BLOCK.matcher(markdown);
        while (block.find()) {
            Matcher plugin = PLUGIN.matcher(block.group(1));
            while (plugin.find()) {
                String own = NESTED.matcher(plugin.group(1)).replaceAll("");
                if (!own.contains("<version>")) {
                    Matcher artifact = Pattern.compile("<artifactId>(.*?)</artifactId>").matcher(own);
                    missing.add(artifact.find() ? artifact.group(1) : own.trim());
                }
            }
        }
        return missing;
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("README.md"));
        for (String folder : new String[] {"src/site/markdown", "examples"}) {
            if (Files.isDirectory(Path.of(folder))) {
                try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                    docs.addAll(walk.filter(p -> p.toString().endsWith(".md")).collect(Collectors.toList()));
                }
            }
        }
        return docs;
    }

    @Test
    void everyPluginSnippetNamesItsVersion() throws Exception {
        List<String> problems = new ArrayList<>();
        int snippets = 0;
        for (Path doc : docs()) {
            String text = Files.readString(doc);
            snippets += PLUGIN.matcher(text).results().count();
            for (String plugin : pluginsWithoutVersion(text)) {
                problems.add(doc + ": <plugin> " + plugin + " has no <version>");
            }
        }
        assertTrue(snippets >= 7, "found only " + snippets + " <plugin> snippets: does the test still read the docs?");
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void aSnippetWithoutItsOwnVersionIsFoundEvenWhenADependencyHasOne() {
        String markdown = "text\n```xml\n<plugin>\n  <artifactId>maven-surefire-plugin</artifactId>\n"
                + "  <dependencies><dependency><version>1</version></dependency></dependencies>\n</plugin>\n```\n"
                + "```xml\n<plugin><artifactId>pinned</artifactId><version>2</version></plugin>\n```\n";
        assertEquals(List.of("maven-surefire-plugin"), pluginsWithoutVersion(markdown));
    }
}
