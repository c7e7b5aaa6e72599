package io.tradeshell.cluster;

import io.tradeshell.engine.run.DataInput;

/**
 * One data file of a sweep as a member finds it: the path as the user gave it, the file's
 * SHA-256, the symbol and bar period it was loaded with, and the bars the sweep uses (those from
 * {@code from} on, {@code bars} of them: a walk-forward window uses part of the file), with
 * the digest they must have.
 */
record DataRef(String file, String sha256, String symbol, long periodMillis, long from, int bars, String barsDigest) {

    static DataRef of(DataInput d) {
        long from = d.bars().isEmpty() ? Long.MIN_VALUE : d.bars().openTime(0);
        return new DataRef(d.file(), d.sha256(), d.symbol(), d.bars().periodMillis(), from, d.bars().size(), Digests.bars(d.bars()));
    }
}
