package io.tradeshell.shell.notebook;

import io.tradeshell.shell.console.session.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Node;

/**
 * A research notebook: a Markdown file whose {@code groovy} and {@code java} fenced code blocks
 * are cells, run top to bottom in one console session, with prose in between.
 *
 * @param lines the file's text line by line, kept to write the Markdown copy of the report
 * @param parts prose and cells in the order of the file
 */
public record Notebook(Path file, List<String> lines, List<Part> parts, Optional<String> title) {
    public Notebook {
        lines = List.copyOf(lines);
        parts = List.copyOf(parts);
    }

    /** A stretch of the file: prose, or a cell. */
    public sealed interface Part permits Prose, Cell { }

    /** Markdown between cells, as parsed blocks (headings, paragraphs, lists, code of other languages). */
    public record Prose(List<Node> blocks) implements Part {
        public Prose {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * A code cell.
     *
     * @param number    1-based, in file order
     * @param firstLine the file line (1-based) of the cell's first line of code
     * @param lastLine  the file line (1-based) of the cell's closing fence, after which its output goes in the Markdown copy
     */
    public record Cell(int number, Language language, String code, int firstLine, int lastLine) implements Part { }

    public List<Cell> cells() {
        return parts.stream().filter(Cell.class::isInstance).map(Cell.class::cast).toList();
    }

    /** The file's name without {@code .md}, for the report's files. */
    public String name() {
        return file.getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
    }
}
