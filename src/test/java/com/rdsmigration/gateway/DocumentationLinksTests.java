package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation a newcomer reads (README.md, docs/*.md, the Helm chart's README) can be walked: every relative
 * link, and every {@code #anchor} into a markdown file, lands on something in the repository, and nothing sends the
 * reader to a file outside it. A moved heading or file fails here instead of in a reader's browser.
 */
class DocumentationLinksTests {

    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();

    /** Files that exist only in someone's workspace, never in a clone of this repository. */
    private static final List<String> OUTSIDE_REFERENCES =
            List.of("../shared", "shared/design", "shared/reference", "STYLE.md", "CONTRACT.md", "reference §");

    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```[^\\n]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[[^\\]\\n]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*(\\S+)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    @Test
    void relativeLinksAndAnchorsResolveInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            String text = withoutCode(Files.readString(document));
            for (String target : links(text)) {
                String problem = problem(document, target);
                if (problem != null) {
                    broken.add(ROOT.relativize(document) + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void markdownFilesNamedInCodeExist() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path document : documents()) {
            Matcher span = CODE_SPAN.matcher(withoutFences(Files.readString(document)));
            while (span.find()) {
                String name = span.group(1).strip();
                if (name.endsWith(".md") && !name.contains(" ") && !name.contains("*") && !exists(document, name)) {
                    missing.add(ROOT.relativize(document) + ": `" + name + "`");
                }
            }
        }
        assertThat(missing)
                .as("markdown files named in code spans that are not in the repository")
                .isEmpty();
    }

    @Test
    void nothingCitesAFileOutsideTheRepository() throws IOException {
        List<Path> files = new ArrayList<>(documents());
        try (Stream<Path> sources = Files.walk(ROOT.resolve("src"))) {
            sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.endsWith(getClass().getSimpleName() + ".java"))
                    .forEach(files::add);
        }
        List<String> citations = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String outside : OUTSIDE_REFERENCES) {
                    if (lines.get(i).contains(outside)) {
                        citations.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + outside);
                    }
                }
            }
        }
        assertThat(citations)
                .as("citations of files outside the repository; bring the facts into docs/ or cite a public source")
                .isEmpty();
    }

    @Test
    void readmeStaysAFiveMinuteRead() throws IOException {
        assertThat(Files.size(ROOT.resolve("README.md")))
                .as("README.md in bytes: reference material belongs in docs/")
                .isLessThan(15_000L);
    }

    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        documents.add(ROOT.resolve("helm/rds-migration-gateway/README.md"));
        return documents;
    }

    /** Why {@code target}, linked from {@code document}, leads nowhere; null when it leads somewhere. */
    private static String problem(Path document, String target) throws IOException {
        if (SCHEME.matcher(target).find()) {
            return null; // a public address: not this test's business
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file =
                path.isEmpty() ? document : document.getParent().resolve(path).normalize();
        if (!file.startsWith(ROOT)) {
            return "is outside the repository";
        }
        if (!Files.exists(file)) {
            return "does not exist";
        }
        if (anchor != null && !anchor.isEmpty() && file.toString().endsWith(".md")) {
            if (!anchors(file).contains(anchor)) {
                return "has no heading with anchor #" + anchor;
            }
        }
        return null;
    }

    private static boolean exists(Path document, String name) {
        Path besideIt = document.getParent().resolve(name).normalize();
        Path fromRoot = ROOT.resolve(name).normalize();
        return (besideIt.startsWith(ROOT) && Files.exists(besideIt))
                || (fromRoot.startsWith(ROOT) && Files.exists(fromRoot));
    }

    private static Set<String> links(String text) {
        Set<String> targets = new LinkedHashSet<>();
        for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_LINK)) {
            Matcher link = pattern.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("<") && target.endsWith(">")) {
                    target = target.substring(1, target.length() - 1);
                }
                targets.add(target);
            }
        }
        return targets;
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as dashes, -1 for repeats. */
    static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(withoutFences(Files.readString(markdown)));
        while (heading.find()) {
            String slug = slug(heading.group(1));
            int repeats = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
        }
        return anchors;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"); // a link in a heading: its text
        return text.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    private static String withoutFences(String markdown) {
        return FENCE.matcher(markdown).replaceAll("");
    }

    private static String withoutCode(String markdown) {
        return CODE_SPAN.matcher(withoutFences(markdown)).replaceAll("");
    }
}
