package io.tradeshell.shell.notebook;

import io.tradeshell.shell.present.Line;
import io.tradeshell.shell.present.TableBlock;
import java.nio.file.Path;
import java.util.List;

/** What a cell put out, in order: text (each line's pieces with their tones), a table, or a chart. */
public sealed interface CellOutput permits CellOutput.Text, CellOutput.Table, CellOutput.Image {
    /** Printed text: values, messages and errors, with the tones the console shows them in. */
    record Text(List<Line> lines) implements CellOutput {
        public Text {
            lines = List.copyOf(lines);
        }

        /** The text without its tones. */
        public String plain() {
            StringBuilder b = new StringBuilder();
            for (Line l : lines) b.append(l.text()).append('\n');
            return b.toString();
        }
    }

    /** A table a command or a value showed, kept as its columns and cells. */
    record Table(TableBlock table) implements CellOutput { }

    /** A chart the cell drew, saved in the report's images folder. */
    record Image(Path file, String caption) implements CellOutput { }
}
