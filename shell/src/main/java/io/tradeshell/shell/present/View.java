package io.tradeshell.shell.present;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * What a command or a value shows: styled text and tables, in order. The console renders it as
 * text ({@link ConsoleText}); a notebook keeps the tables as tables for its report.
 */
public record View(List<Part> parts) {
    /** A stretch of styled text (line breaks inside), or a table. */
    public sealed interface Part permits Text, Table { }

    public record Text(AttributedString text) implements Part { }

    public record Table(TableBlock table) implements Part { }

    public View {
        parts = List.copyOf(parts);
    }

    public static View of(AttributedString text) {
        return new View(List.of(new Text(text)));
    }

    public static View of(TableBlock table) {
        return new View(List.of(new Table(table)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** As the console prints it, with styles. */
    public AttributedString toAttributedString() {
        return ConsoleText.render(this);
    }

    /** As plain text, without styles. */
    @Override
    public String toString() {
        return toAttributedString().toString();
    }

    /** Builds a view as text is built, with tables where they come. */
    public static final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private AttributedStringBuilder text = new AttributedStringBuilder();

        public Builder append(CharSequence s) {
            text.append(s);
            return this;
        }

        public Builder append(AttributedString s) {
            text.append(s);
            return this;
        }

        public Builder append(char c) {
            text.append(c);
            return this;
        }

        public Builder append(CharSequence s, AttributedStyle style) {
            text.append(s, style);
            return this;
        }

        public Builder append(View view) {
            for (Part p : view.parts()) {
                switch (p) {
                    case Text t -> text.append(t.text());
                    case Table t -> table(t.table());
                }
            }
            return this;
        }

        public Builder table(TableBlock table) {
            flush();
            parts.add(new Table(table));
            return this;
        }

        public View build() {
            flush();
            return new View(parts);
        }

        private void flush() {
            if (text.length() == 0) return;
            parts.add(new Text(text.toAttributedString()));
            text = new AttributedStringBuilder();
        }
    }
}
