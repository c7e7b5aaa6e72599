package io.tradeshell.engine.broker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A resumed session's journal as a real broker's adapter sees it while the session is re-run:
 * the market cannot be asked again what it answered then, so the adapter answers from the
 * journal, line by line, until the replay has caught up and it talks to the broker again.
 */
public interface JournalReplay {
    /** A session that is not being replayed (a new one, or a run outside a paper account). */
    JournalReplay NONE = new JournalReplay() {
        public boolean replaying() { return false; }
        public Optional<JsonNode> nextAtThisPosition() { return Optional.empty(); }
    };

    /** True while the journal's old lines are still being reproduced. */
    boolean replaying();

    /** The next line to reproduce, if it was written at the feed position the replay is at now. */
    Optional<JsonNode> nextAtThisPosition();
}
