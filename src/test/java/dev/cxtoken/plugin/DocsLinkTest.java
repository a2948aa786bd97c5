package dev.cxtoken.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README is the front door and src/site/markdown holds the manual; they link to each other, to their own
 * sections and to files of the repository. Every relative link must reach an existing file, and every
 * {@code #fragment} a heading of its target under GitHub's anchor rules, so that a moved or renamed section cannot
 * leave a dead link behind.
 */
class DocsLinkTest {
    /** {@code [text](target)} or {@code ![alt](target)}, with an optional title; the text may span lines. */
    private static final Pattern LINK =
            Pattern.compile("!?\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]\\(\\s*<?([^()\\s<>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    /** An inline code span, which never spans a blank line. */
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\n[ \\t]*\\n)[\\s\\S])+?\\1");
    private static final Pattern EXTERNAL = Pattern.compile("^(?i)(https?:|mailto:)");

    /**
     * GitHub's anchor for a heading: lower case, every character that is not a letter, a digit, a space, '-' or '_'
     * dropped (backticks, colons, parentheses, slashes, commas, periods, question marks, ...), each space a '-'.
     */
    static String anchor(String heading) {
        StringBuilder anchor = new StringBuilder();
        heading.trim().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                anchor.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                anchor.appendCodePoint(c);
            }
        });
        return anchor.toString();
    }

    /** The anchors of a Markdown text's headings, outside code blocks; a repeated one gets -1, -2, ... as on GitHub. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutFencedBlocks(markdown).split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String base = anchor(heading.group(2));
                int count = seen.merge(base, 1, Integer::sum);
                anchors.add(count == 1 ? base : base + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /** The text with the lines of fenced code blocks emptied, so that nothing in them counts as a heading. */
    static String withoutFencedBlocks(String markdown) {
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        boolean fenced = false;
        for (int i = 0; i < lines.length; i++) {
            if (FENCE.matcher(lines[i]).find()) {
                fenced = !fenced;
                lines[i] = "";
            } else if (fenced) {
                lines[i] = "";
            }
        }
        return String.join("\n", lines);
    }

    /**
     * The text with fenced code blocks and inline code spans blanked out, line breaks kept, so that positions and
     * line numbers stay those of the file and nothing inside code counts as a link.
     */
    static String withoutCode(String markdown) {
        Matcher code = CODE_SPAN.matcher(withoutFencedBlocks(markdown));
        StringBuilder text = new StringBuilder();
        while (code.find()) {
            code.appendReplacement(text, Matcher.quoteReplacement(code.group().replaceAll("[^\\n]", " ")));
        }
        code.appendTail(text);
        return text.toString();
    }

    /** One relative link of a Markdown file: where it stands, what it says, and the file it reaches. */
    static final class Link {
        final String where;
        final Path resolved;
        final String fragment;

        Link(String where, Path resolved, String fragment) {
            this.where = where;
            this.resolved = resolved;
            this.fragment = fragment;
        }
    }

    /** The relative links of a Markdown file, outside code, each resolved against the file's folder. */
    static List<Link> relativeLinksOf(Path file) throws IOException {
        String text = withoutCode(Files.readString(file));
        List<Link> links = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String target = link.group(2);
            if (EXTERNAL.matcher(target).find()) {
                continue;
            }
            int hash = target.indexOf('#');
            String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
            Path resolved = path.isEmpty() ? file.toAbsolutePath().normalize()
                    : file.toAbsolutePath().getParent().resolve(path).normalize();
            links.add(new Link(file + ":" + lineOf(text, link.start()) + ": (" + target + "): ", resolved,
                    hash < 0 ? null : target.substring(hash + 1)));
        }
        return links;
    }

    /** What is wrong with each relative link of one Markdown file, as "file:line: [text](target): why". */
    static List<String> brokenLinks(Path file, Map<Path, Set<String>> anchorCache) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Link link : relativeLinksOf(file)) {
            String where = link.where;
            Path resolved = link.resolved;
            String fragment = link.fragment;
            if (!Files.exists(resolved)) {
                problems.add(where + "no such file " + resolved);
                continue;
            }
            if (fragment == null) {
                continue;
            }
            if (!resolved.toString().endsWith(".md") || Files.isDirectory(resolved)) {
                problems.add(where + "a #fragment on a target that is not a Markdown file");
                continue;
            }
            Set<String> anchors = anchorCache.computeIfAbsent(resolved.toAbsolutePath().normalize(), p -> {
                try {
                    return anchors(Files.readString(p));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + p, e);
                }
            });
            if (!anchors.contains(fragment)) {
                problems.add(where + "no heading with the anchor #" + fragment + " in " + resolved.getFileName());
            }
        }
        return problems;
    }

    static int relativeLinks(Path file) throws IOException {
        return relativeLinksOf(file).size();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("README.md"));
        try (Stream<Path> pages = Files.walk(Path.of("src/site/markdown"))) {
            docs.addAll(pages.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
        }
        return docs;
    }

    @Test
    void everyRelativeLinkReachesAFileAndAHeading() throws Exception {
        List<Path> docs = docs();
        assertTrue(docs.size() >= 10, "expected the README and the manual's pages, found " + docs);
        Map<Path, Set<String>> anchorCache = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int links = 0;
        for (Path doc : docs) {
            links += relativeLinks(doc);
            problems.addAll(brokenLinks(doc, anchorCache));
        }
        assertTrue(links >= 40, "found only " + links + " relative links: does the test still read the docs?");
        if (!problems.isEmpty()) {
            fail(problems.size() + " broken link(s):\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * The site publishes the pages, not the README or the rest of the repository, and names its heading anchors its own
     * way. So a page links relatively only to other pages (the repository by its web URL), and a {@code #fragment}
     * into a page needs an explicit {@code <a id="fragment"></a>} there, which both GitHub and the site keep.
     */
    static List<String> siteProblems(List<Path> docs) throws IOException {
        Path manual = Path.of("src/site/markdown").toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        for (Path doc : docs) {
            boolean fromPage = doc.toAbsolutePath().normalize().startsWith(manual);
            for (Link link : relativeLinksOf(doc)) {
                String id = "<a id=\"" + link.fragment + "\"></a>";
                if (fromPage && !link.resolved.startsWith(manual)) {
                    problems.add(link.where + "a page links outside the manual, which the site does not publish; use"
                            + " the repository's web URL");
                } else if (link.fragment != null && link.resolved.startsWith(manual)
                        && Files.isRegularFile(link.resolved) && !Files.readString(link.resolved).contains(id)) {
                    problems.add(link.where + "no " + id + " in " + link.resolved.getFileName()
                            + ", so the link misses its heading on the site");
                }
            }
        }
        return problems;
    }

    @Test
    void everyLinkIntoTheManualWorksOnTheSiteToo() throws Exception {
        List<String> problems = siteProblems(docs());
        if (!problems.isEmpty()) {
            fail(problems.size() + " link(s) that would break on the site:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void aPageLinkingOutsideTheManualOrToAHeadingWithoutAnExplicitAnchorIsReported(@TempDir Path dir)
            throws Exception {
        Path page = Path.of("src/site/markdown/usage.md");
        Path probe = Files.writeString(dir.resolve("probe.md"), "[usage](" + page.toAbsolutePath()
                + "#when-the-build-ends) [nowhere](" + page.toAbsolutePath() + "#long-builds)\n");
        List<String> problems = siteProblems(List.of(probe));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("no <a id=\"long-builds\"></a> in usage.md"), problems.toString());
        Path outside = Files.writeString(Path.of("src/site/markdown").resolve("probe-outside.md"),
                "[readme](../../../README.md)\n");
        try {
            assertTrue(siteProblems(List.of(outside)).get(0).contains("a page links outside the manual"));
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertEquals("long-builds-the-property-or-the-file", anchor("Long builds: the property or the file"));
        assertEquals("what-the-goal-would-do-cx-tokendiagnose", anchor("What the goal would do: `cx-token:diagnose`"));
        assertEquals("a-ci-settingsxml-passed-with--s", anchor("A CI `settings.xml` passed with `-s`"));
        assertEquals("nice-cxone-cxone", anchor("NICE CXone (`cxone`)"));
        assertEquals("multi-module-builds-and--t", anchor("Multi-module builds and `-T`"));
        assertEquals("the-pom-or-the-command-line-which-wins", anchor("The POM or the command line: which wins?"));
        assertEquals("proxies-tls-and-cas", anchor("Proxies, TLS and CAs."));
        assertEquals("read_me-andor-not", anchor(" Read_me and/or not "));
        assertEquals("größe-und-ähnliches", anchor("Größe und Ähnliches"));
    }

    @Test
    void anchorsSkipCodeAndNumberRepeatedHeadings() {
        String markdown = "# Title\n\n## Usage\n\n```sh\n# not a heading\n```\n\n## Usage\n\n### Usage ###\n";
        assertEquals(List.of("title", "usage", "usage-1", "usage-2"), new ArrayList<>(anchors(markdown)));
    }

    @Test
    void everyKindOfBrokenLinkIsReportedWithFileAndTarget(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("README.md"), "# Front\n\n## Use it\n");
        Files.writeString(dir.resolve("docs/notes.txt"), "plain");
        Path page = dir.resolve("docs/page.md");
        Files.writeString(page, String.join("\n",
                "# Page",
                "",
                "## Long builds: the file",
                "",
                "## What it does: `cx-token:diagnose`",
                "",
                "Good: [front](../README.md), [use](../README.md#use-it), [here](#long-builds-the-file),"
                        + " [code](#what-it-does-cx-tokendiagnose),",
                "[a folder](../docs/), [notes](notes.txt), [web](https://example.com/x#y), [mail](mailto:a@b.c),",
                "and a link whose text spans",
                "[two](#page) lines.",
                "",
                "Bad: [gone](missing.md), [no anchor](../README.md#use-it-now), [self](#long-builds),",
                "[fragment on text](notes.txt#top), [wrapped",
                "text](../README.md#nowhere).",
                "",
                "`[in code](nothing.md)` and",
                "",
                "```md",
                "[in a block](nothing-either.md)",
                "```",
                ""));
        List<String> problems = brokenLinks(page, new HashMap<>());
        String all = String.join("\n", problems);
        assertEquals(5, problems.size(), all);
        assertTrue(all.contains(page + ":12: (missing.md): no such file"), all);
        assertTrue(all.contains(
                page + ":12: (../README.md#use-it-now): no heading with the anchor #use-it-now in README.md"), all);
        assertTrue(all.contains(page + ":12: (#long-builds): no heading with the anchor #long-builds in page.md"), all);
        assertTrue(all.contains(
                page + ":13: (notes.txt#top): a #fragment on a target that is not a Markdown file"), all);
        assertTrue(all.contains(page + ":13: (../README.md#nowhere): no heading"), all);
    }
}
