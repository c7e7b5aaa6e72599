package io.tradeshell.shell.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --watch}: the notebook runs again when it is saved. */
class NotebookWatchTest {
    @TempDir Path dir;

    @BeforeAll
    static void repository() {
        System.setProperty("tradeshell.home", NotebookRunTest.ROOT.toString());
    }

    @Test
    void theWatcherCallsBackOnEachSaveUntilStopped() throws Exception {
        Path file = Files.writeString(dir.resolve("n.md"), "first\n");
        AtomicInteger saves = new AtomicInteger();
        boolean[] stop = {false};
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        Thread watching = new Thread(() -> {
            try {
                NotebookWatcher.watch(file, () -> stop[0], ready::countDown, saves::incrementAndGet);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        watching.start();
        assertThat(ready.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Files.writeString(file, "second\n");
        awaitCount(saves, 1);
        // another file in the same folder is not the notebook
        Files.writeString(dir.resolve("other.md"), "x\n");
        Thread.sleep(600);
        assertThat(saves.get()).isEqualTo(1);
        Files.writeString(file, "third\n");
        awaitCount(saves, 2);
        stop[0] = true;
        watching.join(5_000);
        assertThat(watching.isAlive()).isFalse();
    }

    @Test
    void theCommandRunsTheNotebookAgainWhenItIsSaved() throws Exception {
        Path file = Files.writeString(dir.resolve("live.md"), "```groovy\nprintln 'version-1'\n```\n");
        Path out = dir.resolve("out");
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text, true);
        int[] code = {-1};
        Thread watching = new Thread(() -> code[0] = Main.execute(new String[] {"notebook", file.toString(), "--out", out.toString(), "--watch"}, w, w));
        watching.start();
        awaitText(text, "watching ");
        assertThat(Files.readString(out.resolve("live.md"))).contains("version-1");
        Files.writeString(file, "```groovy\nprintln 'version-2'\n```\n");
        long end = System.nanoTime() + 30_000_000_000L;
        while (!Files.readString(out.resolve("live.md")).contains("version-2")) {
            assertThat(System.nanoTime()).as("the report of the saved notebook").isLessThan(end);
            Thread.sleep(50);
        }
        watching.interrupt();
        watching.join(10_000);
        assertThat(watching.isAlive()).isFalse();
        assertThat(text.toString().split("report   ", -1)).hasSize(3);
    }

    private static void awaitCount(AtomicInteger n, int count) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (n.get() < count) {
            assertThat(System.nanoTime()).as("waiting for save %d", count).isLessThan(end);
            Thread.sleep(20);
        }
    }

    private static void awaitText(StringWriter text, String what) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!text.toString().contains(what)) {
            assertThat(System.nanoTime()).as("waiting for '%s' in:%n%s", what, text).isLessThan(end);
            Thread.sleep(20);
        }
    }
}
