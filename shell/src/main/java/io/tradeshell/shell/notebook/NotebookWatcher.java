package io.tradeshell.shell.notebook;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Calls back each time a file is saved, until told to stop. It watches the file's folder, as
 * editors often save by writing a new file and renaming it over the old one, and waits for a
 * save to settle so that one save is one call.
 */
public final class NotebookWatcher {
    private static final long POLL_MILLIS = 200;
    private static final long SETTLE_MILLIS = 150;

    private NotebookWatcher() { }

    /**
     * Blocks until {@code stop} holds (polled five times a second) or the thread is interrupted.
     *
     * @param ready called once the folder is watched: a save from then on is seen
     */
    public static void watch(Path file, BooleanSupplier stop, Runnable ready, Runnable onSave) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        try (WatchService service = FileSystems.getDefault().newWatchService()) {
            dir.register(service, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
            ready.run();
            while (!stop.getAsBoolean()) {
                WatchKey key = service.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (key == null) continue;
                boolean touched = false;
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.context() instanceof Path p && p.getFileName().equals(target.getFileName())) touched = true;
                }
                key.reset();
                if (!touched) continue;
                Thread.sleep(SETTLE_MILLIS);
                drain(service);
                if (Files.exists(target)) onSave.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(WatchService service) {
        WatchKey k;
        while ((k = service.poll()) != null) {
            k.pollEvents();
            k.reset();
        }
    }
}
