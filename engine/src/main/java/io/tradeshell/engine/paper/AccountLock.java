package io.tradeshell.engine.paper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The operating system's lock on an account's lock file, held by the one process running its
 * session. The system drops it when that process dies, even by {@code kill -9}, so a crashed
 * session never leaves a stale lock behind.
 */
public final class AccountLock implements AutoCloseable {
    private static final int ATTEMPTS = 10;
    /**
     * Lock files this process holds. Closing any channel on a locked file drops the process's
     * lock on some systems, so this process never opens a file it holds to peek at it.
     */
    private static final java.util.Set<java.nio.file.Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;
    private final java.nio.file.Path path;

    private AccountLock(FileChannel channel, FileLock lock, java.nio.file.Path path) {
        this.channel = channel;
        this.lock = lock;
        this.path = path;
    }

    /** Takes the account's lock, or fails saying which process holds it. */
    public static AccountLock acquire(AccountFiles files) {
        java.nio.file.Path key = key(files);
        if (!HELD.add(key)) throw new IllegalStateException("paper account " + files.name() + " is already running in this process");
        try {
            Files.createDirectories(files.dir());
            FileChannel ch = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            // Another process may be peeking at the lock for a moment (status, list): try a few times.
            for (int k = 0; k < ATTEMPTS; k++) {
                FileLock l = tryLock(ch);
                if (l != null) {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
                    ch.force(false);
                    return new AccountLock(ch, l, key);
                }
                sleepBriefly();
            }
            ch.close();
            HELD.remove(key);
            throw new IllegalStateException("paper account " + files.name() + " is already running"
                    + holder(files).map(pid -> " in process " + pid).orElse(""));
        } catch (IOException e) {
            HELD.remove(key);
            throw new UncheckedIOException("cannot lock paper account " + files.name() + ": " + e.getMessage(), e);
        }
    }

    /** The pid of the process running the account's session, or empty if none is. */
    public static Optional<Long> holder(AccountFiles files) {
        if (HELD.contains(key(files))) return Optional.of(ProcessHandle.current().pid());
        if (!Files.exists(files.lock())) return Optional.empty();
        try (FileChannel ch = FileChannel.open(files.lock(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock l = tryLock(ch);
            if (l != null) {
                l.release();
                return Optional.empty();
            }
            String text = Files.readString(files.lock(), StandardCharsets.US_ASCII).trim();
            try {
                return Optional.of(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return Optional.of(-1L);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static java.nio.file.Path key(AccountFiles files) {
        return files.lock().toAbsolutePath().normalize();
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process
        }
    }

    private static void sleepBriefly() {
        try {
            io.tradeshell.engine.run.WallClock.SYSTEM.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            HELD.remove(path);
        }
    }
}
