package io.tradeshell.cluster;

import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.LoadedSeries;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.run.DataInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A member's data: each file loaded once and kept while sweeps use it. A file is found at the
 * sweep's path under this member's data folder (and must then have the sweep's SHA-256: a
 * different file there is refused, not used), or else it is the copy the submitter sent through
 * the cluster, checked against the same hash.
 */
final class DataShelf {
    /** Files kept loaded; a walk-forward's windows all use the same ones. */
    private static final int KEEP = 8;

    private final String member;
    private final Path root;
    private final Function<String, byte[]> sent;
    private final Map<String, BarSeries> loaded = new LinkedHashMap<>(16, 0.75f, true);
    private Path copies;

    /**
     * @param member how messages name this member
     * @param root   where relative data paths are looked for
     * @param sent   the file bytes the submitter sent, by SHA-256 (null when it sent none)
     */
    DataShelf(String member, Path root, Function<String, byte[]> sent) {
        this.member = member;
        this.root = root;
        this.sent = sent;
    }

    /** The sweep's data as it ran on the submitter, or a refusal saying which file differs. */
    synchronized List<DataInput> inputs(List<DataRef> refs) {
        List<DataInput> out = new ArrayList<>(refs.size());
        for (DataRef ref : refs) {
            BarSeries bars = window(series(ref), ref.from(), ref.bars());
            if (!Digests.bars(bars).equals(ref.barsDigest())) {
                throw new MemberRefusal("member " + member + ": the bars of " + ref.file() + " loaded here differ from the submitter's "
                        + "(same file, another TradeShell version?); refusing to run on different data");
            }
            out.add(new DataInput(bars, ref.file(), ref.sha256()));
        }
        return out;
    }

    private BarSeries series(DataRef ref) {
        String key = ref.sha256() + "|" + ref.symbol() + "|" + ref.periodMillis();
        BarSeries s = loaded.get(key);
        if (s != null) return s;
        Path local = root.resolve(ref.file());
        LoadedSeries file = Files.isRegularFile(local) ? load(local, ref) : load(copy(ref), ref);
        if (!file.sha256().equals(ref.sha256())) {
            throw new MemberRefusal("member " + member + ": " + local + " has SHA-256 " + SweepSpec.abbreviated(file.sha256())
                    + ", the sweep's " + ref.file() + " has " + SweepSpec.abbreviated(ref.sha256())
                    + "; refusing to run on different data (make the files the same, or move this one away and the member takes the sweep's copy)");
        }
        loaded.put(key, file.series());
        if (loaded.size() > KEEP) loaded.remove(loaded.keySet().iterator().next());
        return file.series();
    }

    private static LoadedSeries load(Path file, DataRef ref) {
        // Lenient, so a file the submitter loaded leniently loads the same here; a strict load that succeeded skipped nothing.
        return MarketData.load(file, new LoadOptions(true, Optional.of(Duration.ofMillis(ref.periodMillis())), Optional.of(ref.symbol())));
    }

    /** The submitter's copy of a file, written under its own name (the name tells JSON from CSV). */
    private Path copy(DataRef ref) {
        byte[] bytes = sent.apply(ref.sha256());
        if (bytes == null) {
            throw new MemberRefusal("member " + member + ": no " + ref.file() + " here and none was sent through the cluster");
        }
        if (!Digests.sha256(bytes).equals(ref.sha256())) {
            throw new MemberRefusal("member " + member + ": the copy of " + ref.file() + " sent through the cluster does not match its SHA-256");
        }
        try {
            if (copies == null) {
                copies = Files.createTempDirectory("tradeshell-member-");
                copies.toFile().deleteOnExit();
            }
            Path dir = Files.createDirectories(copies.resolve(ref.sha256()));
            dir.toFile().deleteOnExit(); // removed in the reverse order: the file, its folder, then the shelf's
            Path file = dir.resolve(Path.of(ref.file()).getFileName().toString());
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("member " + member + ": cannot keep a copy of " + ref.file() + ": " + e.getMessage(), e);
        }
    }

    /** The {@code count} bars from the first one opening at or after {@code from}. */
    private static BarSeries window(BarSeries s, long from, int count) {
        int first = 0;
        while (first < s.size() && s.openTime(first) < from) first++;
        if (first == 0 && count == s.size()) return s;
        BarSeries out = new BarSeries(s.symbol(), s.period(), s.priceScale(), Math.max(16, count));
        for (int i = first; i < Math.min(s.size(), first + count); i++) out.appendFrom(s, i);
        return out;
    }
}
