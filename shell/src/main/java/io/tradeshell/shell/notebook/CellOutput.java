package io.tradeshell.shell.notebook;

import java.nio.file.Path;

/** What a cell put out, in order: text (with the console's styles as ANSI codes), or a chart. */
public sealed interface CellOutput permits CellOutput.Text, CellOutput.Image {
    /** Printed text: values, tables, messages and errors, styled as the console styles them. */
    record Text(String ansi) implements CellOutput { }

    /** A chart the cell drew, saved in the report's images folder. */
    record Image(Path file, String caption) implements CellOutput { }
}
