package io.tradeshell.engine.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The rows of one CSV file, read through FastCSV. Field counts are checked by the loaders
 * (so a bad row can be skipped), not by FastCSV. The caller owns and closes the input.
 */
final class CsvSource {
    private final Path file;
    private final CsvRow row = new CsvRow();
    private final Iterator<CsvRow> rows;

    CsvSource(Path file, InputStream input) {
        this.file = file;
        this.rows = CsvReader.builder()
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .skipEmptyLines(true)
                .detectBomHeader(true)
                .build(row, input, StandardCharsets.UTF_8)
                .iterator();
    }

    /** The header row; an empty file is a {@link DataException}. */
    CsvHeader header() {
        CsvRow first = next();
        if (first == null) throw new DataException(file, 0, "empty file");
        return new CsvHeader(first);
    }

    /** The next row, or null at the end of the file. */
    CsvRow next() {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (CsvParseException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DataException(file, row.line(), "cannot read CSV: " + cause.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw DataFiles.unreadable(file, e.getCause());
        }
    }
}
