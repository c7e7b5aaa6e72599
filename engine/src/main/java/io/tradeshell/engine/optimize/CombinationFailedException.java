package io.tradeshell.engine.optimize;

import java.util.Map;

/**
 * A combination's backtest failed (a script error at some bar, say). The sweep stops; the
 * combinations finished before it are on disk, so {@code --resume} continues once it is fixed.
 * The cause is the original error, for its message and exit code.
 */
public final class CombinationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, Object> params;

    public CombinationFailedException(Map<String, Object> params, Throwable cause) {
        super("combination " + params + " failed: " + cause.getMessage(), cause);
        this.params = params;
    }

    public Map<String, Object> params() { return params; }
}
