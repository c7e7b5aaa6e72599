package io.tradeshell.engine.paper;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of one paper account and what it holds: the session's settings, a copy of its
 * script, the journal, the latest status, the operator's command inbox, the lock of the
 * process running it, and the same output files as any run.
 */
public record AccountFiles(Path dir) {
    public String name() {
        Path n = dir.getFileName();
        return n == null ? dir.toString() : n.toString();
    }

    /** The settings the account was started with: script, data, costs, realism, risk. */
    public Path session() { return dir.resolve("session.json"); }

    /** Every state change, in order: the account's ledger. */
    public Path journal() { return dir.resolve("journal.jsonl"); }

    /** The latest snapshot written by the running session, for other processes. */
    public Path status() { return dir.resolve("status.json"); }

    /** Where operators drop commands for the running session. */
    public Path commands() { return dir.resolve("commands"); }

    /** Held by the process running the session; holds its pid. */
    public Path lock() { return dir.resolve("session.lock"); }

    /** The script as it was when the account started, so a resume runs the same code. */
    /** What a session on live prices was fed, kept so it can be re-run (see {@code RecordedFeed}). */
    public Path feed() { return dir.resolve("feed.jsonl"); }

    public Path script() { return dir.resolve("strategy.groovy"); }

    public boolean exists() { return Files.exists(session()); }

    /**
     * Why this account cannot be opened when {@link #exists()} is false: no account at all, or
     * one whose {@code session.json} was deleted while its journal is still there (the journal
     * alone does not say which data and settings the account trades with).
     */
    public String missingReason() {
        if (!Files.exists(journal())) return "no paper account '" + name() + "' in " + dir.getParent();
        return "paper account '" + name() + "' has lost its settings: " + session() + " is missing, though its journal "
                + journal().getFileName() + " is there; put session.json back (from a backup) to resume it, or start a new account"
                + " from the same script (" + script().getFileName() + " in that folder) with 'paper start'";
    }
}
