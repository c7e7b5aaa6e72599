package io.tradeshell.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderInsideARootIsFoundAndNothingOutsideIs() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs/sma"));
        Files.writeString(runs.resolve("summary.json"), "{}");
        Files.writeString(tmp.resolve("secret.txt"), "no");
        Folders f = new Folders().root("runs", tmp.resolve("runs"));

        assertThat(f.folder("runs/sma")).contains(runs);
        assertThat(f.file("runs/sma", "summary.json")).contains(runs.resolve("summary.json"));
        assertThat(f.folder("runs/sma/..")).isEmpty();
        assertThat(f.folder("runs/..")).isEmpty();
        assertThat(f.file("runs", "../secret.txt")).isEmpty();
        assertThat(f.file("runs/sma", "..")).isEmpty();
        assertThat(f.folder("/etc")).isEmpty();
        assertThat(f.folder("other/sma")).isEmpty();
        assertThat(f.folder("runs/sma\\..\\..")).isEmpty();
        assertThat(f.ref(runs)).contains("runs/sma");
    }

    @Test
    void aSymbolicLinkLeadingOutOfItsRootNamesNothing() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("summary.json"), "{}");
        Files.createSymbolicLink(runs.resolve("escape"), outside);
        Files.createSymbolicLink(Files.createDirectories(runs.resolve("r")).resolve("summary.json"), outside.resolve("summary.json"));
        Folders f = new Folders().root("runs", runs);

        assertThat(f.folder("runs/escape")).isEmpty();
        assertThat(f.file("runs/escape", "summary.json")).isEmpty();
        assertThat(f.file("runs/r", "summary.json")).isEmpty();
    }
}
