package io.tradeshell.shell.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.view.Table;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.jline.utils.AttributedStringBuilder;
import org.junit.jupiter.api.Test;

/** The console's tables found again in its styled output, and the lines around them left as text. */
class TextTablesTest {
    /** What the console prints for {@code text}, styles as escape codes. */
    private static String printed(Object... parts) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s, true);
        Output out = Output.styledText(w, w);
        for (Object p : parts) {
            if (p instanceof String t) out.println(t);
            else out.println((org.jline.utils.AttributedString) p);
        }
        return s.toString();
    }

    @Test
    void aTableBetweenTextLinesBecomesAGridWithItsNumbersRightAligned() {
        Table t = Table.of("metric", "value").right(1).indent("  ");
        t.row("Total return", Table.signed("0.72%", 0.0072));
        t.row("Max DD duration (bars)", "97");
        String ansi = printed(new AttributedStringBuilder().append("#1 SMA crossover", Styles.NAME).toAttributedString(), t.render(),
                "hello from groovy", "  1 trade, 0 winners, net pnl -5.00");
        List<TextTables.Block> blocks = TextTables.blocks(AnsiText.lines(ansi));
        assertThat(blocks).hasSize(3);
        assertThat(((TextTables.Lines) blocks.get(0)).lines().get(0).text()).isEqualTo("#1 SMA crossover");
        TextTables.Grid g = (TextTables.Grid) blocks.get(1);
        assertThat(g.header()).containsExactly("metric", "value");
        assertThat(g.right()).containsExactly(false, true);
        assertThat(g.rows()).hasSize(2);
        assertThat(TextTables.text(g.rows().get(0).get(0))).isEqualTo("Total return");
        assertThat(TextTables.text(g.rows().get(1).get(0))).isEqualTo("Max DD duration (bars)");
        assertThat(TextTables.text(g.rows().get(1).get(1))).isEqualTo("97");
        // the console prints a gain in green: colour 2
        assertThat(g.rows().get(0).get(1).get(0).style().colour()).isEqualTo(2);
        List<String> after = ((TextTables.Lines) blocks.get(2)).lines().stream().map(AnsiText.Line::text).toList();
        assertThat(after).containsExactly("hello from groovy", "  1 trade, 0 winners, net pnl -5.00");
    }

    @Test
    void cellsWithSingleSpacesStayWholeAndTheGapRowIsKept() {
        Table t = Table.of("time", "close", "note").right(1);
        t.row("2013-01-02 16:00", "549.03", "first bar");
        t.row("2013-01-03", "542.10", "");
        t.gap();
        t.row("2013-12-31 16:00", "561.02", "last bar");
        TextTables.Grid g = (TextTables.Grid) TextTables.blocks(AnsiText.lines(printed(t.render()))).get(0);
        assertThat(g.header()).containsExactly("time", "close", "note");
        assertThat(g.rows()).hasSize(4);
        assertThat(g.rows().get(0).stream().map(TextTables::text).toList()).containsExactly("2013-01-02 16:00", "549.03", "first bar");
        assertThat(g.rows().get(1).stream().map(TextTables::text).toList()).containsExactly("2013-01-03", "542.10", "");
        assertThat(g.rows().get(2).stream().map(TextTables::text).toList()).containsExactly("…", "…", "…");
        assertThat(g.right()).containsExactly(false, true, false);
    }

    @Test
    void plainTextWithADashedLineIsNotATable() {
        String ansi = printed("name  value", "-----------", "a     1");
        List<TextTables.Block> blocks = TextTables.blocks(AnsiText.lines(ansi));
        assertThat(blocks).hasSize(1).first().isInstanceOf(TextTables.Lines.class);
    }
}
