package io.tradeshell.shell.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.console.session.Language;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which fenced blocks are cells, and where each cell sits in the file. */
class NotebookParserTest {
    private static final String TEXT = String.join("\n",
            "# Study of things",            // 1
            "",                              // 2
            "Some prose.",                   // 3
            "",                              // 4
            "```groovy",                     // 5
            "x = 1",                         // 6
            "x + 1",                         // 7
            "```",                           // 8
            "",                              // 9
            "```bash",                       // 10
            "echo not a cell",               // 11
            "```",                           // 12
            "",                              // 13
            "~~~~java title",                // 14
            "int y = 2;",                    // 15
            "~~~~",                          // 16
            "",                              // 17
            "## The end",                    // 18
            "");

    @Test
    void groovyAndJavaBlocksAreCellsWithTheirLinesAndOtherBlocksAreProse() {
        Notebook nb = NotebookParser.parse(Path.of("study.md"), TEXT);
        List<Notebook.Cell> cells = nb.cells();
        assertThat(cells).hasSize(2);
        assertThat(cells.get(0)).isEqualTo(new Notebook.Cell(1, Language.GROOVY, "x = 1\nx + 1\n", 6, 8));
        assertThat(cells.get(1)).isEqualTo(new Notebook.Cell(2, Language.JAVA, "int y = 2;\n", 15, 16));
        assertThat(nb.parts()).hasSize(5);
        assertThat(nb.parts().get(0)).isInstanceOf(Notebook.Prose.class);
        assertThat(((Notebook.Prose) nb.parts().get(2)).blocks()).hasSize(1);
        assertThat(nb.title()).contains("Study of things");
        assertThat(nb.name()).isEqualTo("study");
        assertThat(nb.lines()).hasSize(18);
    }

    @Test
    void aNotebookWithoutCellsIsAllProse() {
        Notebook nb = NotebookParser.parse(Path.of("notes.md"), "Just text.\n\n```text\nnot code\n```\n");
        assertThat(nb.cells()).isEmpty();
        assertThat(nb.parts()).hasSize(1);
        assertThat(nb.title()).isEmpty();
    }
}
