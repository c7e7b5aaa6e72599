package io.tradeshell.engine.paper;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.journal.Json;
import io.tradeshell.engine.run.WallClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The folder through which operators in other processes talk to a running session. A command
 * is a file that appears whole (written aside, then renamed), named so that names sort in
 * sending order; the session takes commands between feed events, deletes each one, and leaves
 * a reply file that the sender picks up.
 */
public final class CommandInbox {
    private static final String COMMAND = ".cmd.json", REPLY = ".reply.json";
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Path dir;

    public CommandInbox(AccountFiles files) {
        this.dir = files.commands();
    }

    /** Drops a command for the session; returns it with its id. */
    public OperatorCommand send(OperatorCommand.Kind kind, long orderId, WallClock wall) {
        return send(kind, orderId, null, wall);
    }

    /** Drops a command for the session, with the parent order to start for {@link OperatorCommand.Kind#ALGO}; returns it with its id. */
    public OperatorCommand send(OperatorCommand.Kind kind, long orderId, AlgoOrder algo, WallClock wall) {
        String id = "%013d-%d-%d".formatted(wall.millis(), ProcessHandle.current().pid(), COUNTER.incrementAndGet());
        OperatorCommand c = new OperatorCommand(id, kind, orderId, algo);
        writeAtomically(dir.resolve(id + COMMAND), c.fields());
        return c;
    }

    /** A command taken from the folder, and its file, which stays until the command is {@link #done}. */
    public record Received(OperatorCommand command, Path file) { }

    /**
     * Commands waiting, oldest first. Each file stays until {@link #done}: a session that dies
     * between journaling a command and removing it finds the command again, and knows by its id
     * that it was carried out.
     */
    public List<Received> take() {
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*" + COMMAND)) {
            for (Path p : s) files.add(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command folder " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) return List.of();
        files.sort(null);
        List<Received> out = new ArrayList<>(files.size());
        for (Path p : files) {
            try {
                out.add(new Received(OperatorCommand.fromJson(Json.MAPPER.readTree(p.toFile())), p));
            } catch (IOException | IllegalArgumentException e) {
                quarantine(p);
            }
        }
        return out;
    }

    /** Removes a command's file once it is journaled and answered. */
    public void done(Received r) {
        try {
            Files.deleteIfExists(r.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the command " + r.file() + ": " + e.getMessage(), e);
        }
    }

    /** Commands waiting for a session that is not running. */
    public int waiting() {
        if (!Files.isDirectory(dir)) return 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*" + COMMAND)) {
            int n = 0;
            for (Path ignored : s) n++;
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The session's answer to a command. */
    public void reply(CommandReply r) {
        writeAtomically(dir.resolve(r.id() + REPLY), Map.of("id", r.id(), "done", r.done(), "message", r.message()));
    }

    /** Waits up to {@code timeoutMillis} for the reply to {@code id}; takes it if it came. */
    public Optional<CommandReply> awaitReply(String id, long timeoutMillis, WallClock wall) {
        Path file = dir.resolve(id + REPLY);
        long until = wall.millis() + timeoutMillis;
        while (true) {
            if (Files.exists(file)) {
                try {
                    JsonNode n = Json.MAPPER.readTree(file.toFile());
                    Files.deleteIfExists(file);
                    return Optional.of(new CommandReply(id, n.path("done").asBoolean(), n.path("message").asText()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the reply " + file + ": " + e.getMessage(), e);
                }
            }
            if (wall.millis() >= until) return Optional.empty();
            try {
                wall.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private void writeAtomically(Path target, Map<String, ?> fields) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(target.getFileName() + ".tmp");
            Files.write(tmp, Json.MAPPER.writeValueAsBytes(fields));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the command folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A command file that cannot be read is set aside, not retried forever. */
    private static void quarantine(Path p) {
        try {
            Files.move(p, p.resolveSibling(p.getFileName() + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
