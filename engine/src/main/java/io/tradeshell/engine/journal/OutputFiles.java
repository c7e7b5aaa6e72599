package io.tradeshell.engine.journal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run's files are opened for writing: the disk, or in a test a disk that fills up.
 * Opening fails, or the stream's writes fail, with the {@link IOException} the disk gives.
 */
@FunctionalInterface
public interface OutputFiles {
    OutputFiles DISK = Files::newOutputStream;

    OutputStream create(Path file) throws IOException;
}
