package io.tradeshell.shell.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.view.Table;
import io.tradeshell.shell.present.Line;
import io.tradeshell.shell.present.TableBlock;
import io.tradeshell.shell.present.Tone;
import io.tradeshell.shell.present.View;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A view of text and a table: printed as the console prints it (a bold header over a rule,
 * numbers right-aligned), and handed to a notebook's cell as a table of cells with their tones,
 * with nothing read back from printed text.
 */
class CellTablesTest {
    private static View view() {
        Table t = Table.of("metric", "value").right(1).indent("  ");
        t.row("Total return", Table.signed("0.72%", 0.0072));
        t.row("Max DD duration (bars)", "97");
        return View.builder().append("#1 SMA crossover", Styles.NAME).append('\n').table(t.block())
                .append("\n  1 trade, net pnl ").append(Table.signed("-5.00", -5)).build();
    }

    @Test
    void aPipeGetsTheConsolesTableAsPlainAlignedText() {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s, true);
        Output.plain(w, w).println(view());
        // widths by hand: the first column is as wide as "Max DD duration (bars)" (22), the second as "value" (5)
        String expected = String.join("\n",
                "#1 SMA crossover",
                "  metric" + " ".repeat(22 - 6) + "  " + "value",
                "  " + "─".repeat(22 + 2 + 5),
                "  Total return" + " ".repeat(22 - 12) + "  " + "0.72%",
                "  Max DD duration (bars)" + "  " + "   97",
                "  1 trade, net pnl -5.00") + System.lineSeparator();
        assertThat(s.toString()).isEqualTo(expected);
    }

    @Test
    void aNotebookCellKeepsTheTableAsColumnsAndCellsWithTheirTones() {
        CellCapture capture = new CellCapture();
        PrintWriter raw = new PrintWriter(capture, true);
        Output out = Output.captured(raw, capture);
        raw.println("hello from groovy");
        out.println(view());
        List<CellOutput> outputs = capture.take();
        assertThat(outputs).hasSize(3);
        CellOutput.Text before = (CellOutput.Text) outputs.get(0);
        assertThat(before.lines()).extracting(Line::text).containsExactly("hello from groovy", "#1 SMA crossover");
        assertThat(before.lines().get(1).spans()).containsExactly(new Line.Span("#1 SMA crossover", Tone.NAME));
        TableBlock table = ((CellOutput.Table) outputs.get(1)).table();
        assertThat(table.columns()).containsExactly(new TableBlock.Column("metric", false), new TableBlock.Column("value", true));
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).get(1).spans()).containsExactly(new Line.Span("0.72%", Tone.GAIN));
        assertThat(table.rows().get(1).get(0).text()).isEqualTo("Max DD duration (bars)");
        CellOutput.Text after = (CellOutput.Text) outputs.get(2);
        assertThat(after.lines()).extracting(Line::text).containsExactly("", "  1 trade, net pnl -5.00");
        assertThat(after.lines().get(1).spans()).endsWith(new Line.Span("-5.00", Tone.LOSS));
        assertThat(capture.take()).isEmpty();
    }

    @Test
    void everyConsoleStyleReadsBackAsItsTone() {
        for (Tone t : Tone.values()) assertThat(Tone.of(t.style())).isEqualTo(t);
        assertThat(Tone.of(Styles.DIM)).isEqualTo(Tone.MUTED);
        assertThat(Tone.of(Styles.LOSS)).isEqualTo(Tone.LOSS);
    }
}
