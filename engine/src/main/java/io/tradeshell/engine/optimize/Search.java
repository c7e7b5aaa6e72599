package io.tradeshell.engine.optimize;

/** How a sweep picks its combinations: all of them, or a seeded random sample. */
public sealed interface Search {
    /** Every combination that meets the constraint, in grid order. */
    record Grid() implements Search {
        @Override
        public String toString() { return "grid"; }
    }

    /** {@code samples} distinct combinations drawn with {@code seed}, run in grid order. */
    record Random(int samples, long seed) implements Search {
        public Random {
            if (samples < 1) throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
        }

        @Override
        public String toString() { return "random (" + samples + " samples, seed " + seed + ")"; }
    }

    Search GRID = new Grid();

    /** {@code grid} or {@code random}; random needs a sample count. */
    static Search parse(String kind, Integer samples, long seed) {
        return switch (kind == null ? "grid" : kind.trim()) {
            case "grid" -> {
                if (samples != null) throw new IllegalArgumentException("--samples goes with --search random");
                yield GRID;
            }
            case "random" -> {
                if (samples == null) throw new IllegalArgumentException("--search random needs --samples N");
                yield new Random(samples, seed);
            }
            default -> throw new IllegalArgumentException("unknown --search '" + kind + "' (grid or random)");
        };
    }
}
