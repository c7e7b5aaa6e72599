package io.tradeshell.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The files a folder rewrites whole (status, summary), sent as an event each time one changes. */
final class Snapshots {
    static final java.util.List<String> FILES = java.util.List.of("status.json", "summary.json", "sweep.json", "best.json");

    private Snapshots() { }

    /** Writes an event for each snapshot whose stamp differs from the one in {@code seen}; true if any. */
    static boolean changed(Path dir, Map<String, String> seen, OutputStream out) throws IOException {
        boolean wrote = false;
        for (String file : FILES) {
            Path p = dir.resolve(file);
            if (!Files.isRegularFile(p)) continue;
            String stamp = Files.getLastModifiedTime(p).toMillis() + "/" + Files.size(p);
            if (stamp.equals(seen.get(file))) continue;
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                continue; // being rewritten: read it next time
            }
            if (text.isEmpty() || !text.endsWith("}")) continue;
            seen.put(file, stamp);
            EventStream.write(out, null, file.substring(0, file.indexOf('.')), text);
            wrote = true;
        }
        return wrote;
    }
}
