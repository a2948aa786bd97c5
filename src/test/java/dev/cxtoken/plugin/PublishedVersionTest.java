package dev.cxtoken.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.testing.PluginDescriptorFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Users copy the plugin version from the README, the manual's pages (src/site/markdown) and examples/; all must name
 * the version this build makes, so that a release bumps them with the POM (and the examples IT builds exactly what
 * users copy).
 */
class PublishedVersionTest {
    private static final Pattern README_VERSIONS = Pattern.compile(
            "<artifactId>cx-token-maven-plugin</artifactId>\\s*<version>([^<]+)</version>"
                    + "|dev\\.cxtoken:cx-token-maven-plugin:([^:\\s`]+):");

    @Test
    void examplesUseThisVersion() throws Exception {
        String version = PluginDescriptorFile.load().version();
        Map<String, String> found = new TreeMap<>();
        try (DirectoryStream<Path> examples = Files.newDirectoryStream(Path.of("examples"), Files::isDirectory)) {
            for (Path example : examples) {
                found.put(example.getFileName().toString(), versionProperty(example.resolve("pom.xml")));
            }
        }
        assertTrue(found.size() >= 2, "examples/ should hold at least two projects, found " + found.keySet());
        found.forEach((example, declared) -> assertEquals(version, declared,
                "examples/" + example + "/pom.xml <cx-token.version>"));
    }

    @Test
    void readmeSnippetsUseThisVersion() throws Exception {
        String version = PluginDescriptorFile.load().version();
        List<String> readme = readmeVersions(Files.readString(Path.of("README.md")));
        assertTrue(!readme.isEmpty(), "the README shows no plugin version");
        readme.forEach(shown -> assertEquals(version, shown, "plugin version in a README snippet"));
        for (Path page : manualPages()) {
            readmeVersions(Files.readString(page)).forEach(
                    shown -> assertEquals(version, shown, "plugin version in a snippet of " + page));
        }
    }

    private static List<Path> manualPages() throws IOException {
        Path folder = Path.of("src/site/markdown");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void readmeVersionsAreFoundInBothForms() {
        assertEquals(List.of("1.2.3", "4.5.6"), readmeVersions("<artifactId>cx-token-maven-plugin</artifactId>\n"
                + "  <version>1.2.3</version>\n mvn dev.cxtoken:cx-token-maven-plugin:4.5.6:fetch-token"));
    }

    private static List<String> readmeVersions(String readme) {
        List<String> versions = new ArrayList<>();
        Matcher matcher = README_VERSIONS.matcher(readme);
        while (matcher.find()) {
            versions.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return versions;
    }

    private static String versionProperty(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        var properties = project.getElementsByTagName("cx-token.version");
        if (properties.getLength() != 1) {
            throw new IOException(pom + " should set the plugin version once, as the property cx-token.version");
        }
        return properties.item(0).getTextContent().trim();
    }
}
