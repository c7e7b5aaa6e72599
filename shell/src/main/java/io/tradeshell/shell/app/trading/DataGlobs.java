package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.data.DataException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@code --data} value that names several files, a folder or a glob over file names
 * ({@code data/sectors/*.json}), into one spec per file, in name order. A folder means its
 * {@code .csv} and {@code .json} files. A {@code SYMBOL=} prefix may only name one file.
 */
final class DataGlobs {
    private DataGlobs() { }

    static List<DataSpecs.Spec> expand(String text) {
        DataSpecs.Spec spec = DataSpecs.Spec.parse(text);
        Path given = spec.file();
        List<Path> files;
        if (isGlob(given)) {
            files = matching(given);
        } else {
            Path resolved = ProjectHome.resolve(given.toString());
            if (!Files.isDirectory(resolved)) return List.of(spec);
            files = dataFilesIn(resolved);
        }
        if (files.isEmpty()) throw new DataException(given, 0, "no data files match");
        if (spec.symbol().isPresent() && files.size() > 1) {
            throw new IllegalArgumentException("--data " + text + ": " + spec.symbol().get() + "= names one file, but "
                    + files.size() + " match; leave the symbol out to take each from its file name");
        }
        List<DataSpecs.Spec> out = new ArrayList<>(files.size());
        for (Path f : files) out.add(new DataSpecs.Spec(spec.symbol(), f));
        return out;
    }

    /** Whether a path's file name holds glob characters. */
    static boolean isGlob(Path path) {
        Path name = path.getFileName();
        if (name == null) return false;
        String s = name.toString();
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    private static List<Path> matching(Path glob) {
        Path parent = glob.getParent();
        Path dir = ProjectHome.resolve(parent == null ? "." : parent.toString());
        if (!Files.isDirectory(dir)) throw new DataException(glob, 0, "no such folder: " + (parent == null ? "." : parent));
        return list(dir, glob.getFileName().toString(), glob);
    }

    private static List<Path> dataFilesIn(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path f : list(dir, "*", dir)) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv") || name.endsWith(".json")) out.add(f);
        }
        return out;
    }

    private static List<Path> list(Path dir, String glob, Path shown) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            for (Path f : stream) {
                if (Files.isRegularFile(f)) out.add(f);
            }
        } catch (IOException e) {
            throw new DataException(shown, 0, "cannot list the folder: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }
}
