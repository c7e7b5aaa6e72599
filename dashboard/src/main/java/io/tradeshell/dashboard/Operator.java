package io.tradeshell.dashboard;

import io.tradeshell.engine.paper.OperatorCommand;
import io.tradeshell.engine.paper.PaperAccounts;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.run.WallClock;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The page's buttons: each sends one operator command to a paper account through its command
 * inbox, exactly as {@code paper pause NAME} does from a terminal, and returns its answer.
 */
final class Operator {
    static final Set<OperatorCommand.Kind> BUTTONS = Set.of(OperatorCommand.Kind.PAUSE, OperatorCommand.Kind.RESUME,
            OperatorCommand.Kind.FLATTEN, OperatorCommand.Kind.KILL);

    private Operator() { }

    /** The session's one-line answer, or empty when {@code account} is not a paper account or the command not a button. */
    static Optional<Answer> send(Path account, String command) {
        OperatorCommand.Kind kind;
        try {
            kind = OperatorCommand.Kind.valueOf(command.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Path parent = account.getParent();
        if (!BUTTONS.contains(kind) || parent == null || parent.getParent() == null || !parent.getFileName().toString().equals("paper")) {
            return Optional.empty();
        }
        PaperAccounts accounts = new PaperAccounts(new PaperHome(parent.getParent()), WallClock.SYSTEM);
        String name = account.getFileName().toString();
        try {
            PaperAccounts.Sent sent = accounts.command(name, kind, 0, PaperAccounts.REPLY_TIMEOUT_MILLIS);
            return Optional.of(new Answer(sent.ok(), sent.describe(name)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.of(new Answer(false, e.getMessage()));
        }
    }

    record Answer(boolean ok, String message) { }
}
