package io.tradeshell.engine.paper;

import io.tradeshell.engine.run.WallClock;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operator's side of paper accounts, from any process: the status of an account (from
 * the running session's status file, or rebuilt from the journal when none runs), the list of
 * accounts, and commands sent to running sessions.
 */
public final class PaperAccounts {
    /** How long {@link #command} waits for a running session's answer by default. */
    public static final long REPLY_TIMEOUT_MILLIS = 10_000;

    private final PaperHome home;
    private final WallClock wall;

    public PaperAccounts(PaperHome home, WallClock wall) {
        this.home = home;
        this.wall = wall;
    }

    public PaperHome home() { return home; }

    /**
     * What became of a command.
     *
     * @param delivered true if a running session took it; false if it waits for the session to be resumed
     * @param reply     the session's answer, if it came in time
     */
    public record Sent(OperatorCommand command, boolean delivered, Optional<CommandReply> reply) {
        /** One line for the operator. */
        public String describe(String account) {
            if (!delivered) return "paper account " + account + " is not running: '" + command + "' is queued and applies when it is resumed";
            return reply.map(CommandReply::message).orElse("sent '" + command + "' to " + account + "; it has not answered yet");
        }

        /** False if the session answered that it could not do it. */
        public boolean ok() {
            return reply.map(CommandReply::done).orElse(true);
        }
    }

    /** The account's status now. */
    public AccountStatus status(String name) {
        return status(home.existing(name));
    }

    public AccountStatus status(AccountFiles files) {
        SessionConfig config = SessionConfig.read(files.session());
        Optional<Long> pid = AccountLock.holder(files);
        if (pid.isPresent() && Files.exists(files.status())) {
            AccountStatus s = AccountStatus.read(files.status());
            if ("running".equals(s.state()) && pid.get().equals(s.pid())) return s;
        }
        JournalAccount.Rebuilt journal = JournalAccount.rebuild(config, files.journal());
        JournalAccount account = journal.account();
        String state = pid.isPresent() ? "running" : switch (account.lastSessionEvent()) {
            case "stopped" -> "stopped";
            case "finished" -> "finished";
            default -> journal.empty() ? "new" : "crashed";
        };
        String problem = journal.torn().map(t -> "journal line " + t.line() + " is torn (cut off while being written);"
                + " 'paper resume " + files.name() + " --repair-journal' drops it").orElse(null);
        return account.status(config, state, wall.instant().toString(), problem).with(state, pid.orElse(null), problem);
    }

    /** Every account's status, by name. */
    public List<AccountStatus> list() {
        List<AccountStatus> out = new ArrayList<>();
        for (AccountFiles f : home.list()) {
            try {
                out.add(status(f));
            } catch (RuntimeException e) {
                out.add(new AccountStatus(f.name(), "unreadable", null, null, null, 0, 0, null, 0, null, null,
                        List.of(), List.of(), 0, new AccountStatus.FeedView(0, null), null, e.getMessage()));
            }
        }
        return out;
    }

    /** Sends a command to the account's session; a session that is not running finds it when resumed. */
    public Sent command(String name, OperatorCommand.Kind kind, long orderId, long timeoutMillis) {
        return command(name, kind, orderId, null, timeoutMillis);
    }

    /** Sends a command, with the parent order to start for {@link OperatorCommand.Kind#ALGO}. */
    public Sent command(String name, OperatorCommand.Kind kind, long orderId, AlgoOrder algo, long timeoutMillis) {
        AccountFiles files = home.existing(name);
        boolean running = AccountLock.holder(files).isPresent();
        if (!running) {
            if (kind == OperatorCommand.Kind.STOP) throw new IllegalArgumentException("paper account " + name + " is not running");
            String state = status(files).state();
            if (state.equals("finished")) throw new IllegalArgumentException("paper account " + name + " has finished its feed; commands no longer apply");
        }
        CommandInbox inbox = new CommandInbox(files);
        OperatorCommand c = inbox.send(kind, orderId, algo, wall);
        if (!running) return new Sent(c, false, Optional.empty());
        return new Sent(c, true, inbox.awaitReply(c.id(), timeoutMillis, wall));
    }
}
