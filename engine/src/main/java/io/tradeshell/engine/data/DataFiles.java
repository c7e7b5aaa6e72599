package io.tradeshell.engine.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening data files, and turning I/O failures into one-line {@link DataException}s. */
final class DataFiles {
    private DataFiles() { }

    static HashingInput open(Path file) {
        try {
            return HashingInput.open(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    static DataException unreadable(Path file, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) reason = "no such file";
        else if (e instanceof AccessDeniedException) reason = "permission denied";
        else if (e instanceof CharacterCodingException) reason = "not UTF-8 text";
        else reason = "cannot read file: " + e.getMessage();
        return new DataException(file, 0, reason, e);
    }
}
