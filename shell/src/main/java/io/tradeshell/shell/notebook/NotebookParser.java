package io.tradeshell.shell.notebook;

import io.tradeshell.shell.console.session.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a notebook with commonmark: fenced blocks whose info string starts with {@code groovy}
 * or {@code java} are cells; everything else, fenced blocks of other languages included, is prose.
 * Source positions tie each cell to its lines in the file.
 */
public final class NotebookParser {
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private NotebookParser() { }

    public static Notebook read(Path file) {
        try {
            return parse(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no notebook " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static Notebook parse(Path file, String text) {
        Node document = PARSER.parse(text);
        List<Notebook.Part> parts = new ArrayList<>();
        List<Node> prose = new ArrayList<>();
        Optional<String> title = Optional.empty();
        int number = 0;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            Optional<Language> language = block instanceof FencedCodeBlock f ? language(f.getInfo()) : Optional.empty();
            if (language.isEmpty()) {
                if (title.isEmpty() && block instanceof Heading h && h.getLevel() == 1) title = Optional.of(text(h));
                prose.add(block);
                continue;
            }
            if (!prose.isEmpty()) {
                parts.add(new Notebook.Prose(prose));
                prose = new ArrayList<>();
            }
            FencedCodeBlock f = (FencedCodeBlock) block;
            List<SourceSpan> spans = f.getSourceSpans();
            int opening = spans.get(0).getLineIndex();
            int closing = spans.get(spans.size() - 1).getLineIndex();
            parts.add(new Notebook.Cell(++number, language.get(), f.getLiteral(), opening + 2, closing + 1));
        }
        if (!prose.isEmpty()) parts.add(new Notebook.Prose(prose));
        return new Notebook(file, text.lines().toList(), parts, title);
    }

    /** The cell language an info string names: its first word, {@code groovy} or {@code java}. */
    static Optional<Language> language(String info) {
        String word = info == null ? "" : info.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return switch (word) {
            case "groovy" -> Optional.of(Language.GROOVY);
            case "java" -> Optional.of(Language.JAVA);
            default -> Optional.empty();
        };
    }

    private static String text(Node node) {
        StringBuilder b = new StringBuilder();
        collect(node, b);
        return b.toString().strip();
    }

    private static void collect(Node node, StringBuilder b) {
        if (node instanceof Text t) b.append(t.getLiteral());
        else if (node instanceof org.commonmark.node.Code c) b.append(c.getLiteral());
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) collect(child, b);
    }
}
