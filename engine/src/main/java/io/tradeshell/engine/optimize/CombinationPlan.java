package io.tradeshell.engine.optimize;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which combinations a sweep runs, as grid indexes in ascending order: every one that meets the
 * constraint, or a seeded random sample of them. Deciding this up front means an empty plan is
 * an error before any work, and a resumed sweep finds exactly the same plan.
 */
public final class CombinationPlan {
    /** A grid larger than this must be sampled. */
    public static final long MAX_GRID = 10_000_000;
    /** Up to this size every index is tested against the constraint before sampling. */
    private static final long ENUMERATE_UP_TO = 2_000_000;

    private final ParamSpace space;
    private final long[] ids;
    private final Optional<String> note;

    private CombinationPlan(ParamSpace space, long[] ids, Optional<String> note) {
        this.space = space;
        this.ids = ids;
        this.note = note;
    }

    /** Something the user should hear about the plan, such as a sample bigger than the space. */
    public Optional<String> note() { return note; }

    /**
     * The plan for a space under a constraint; {@code declared} gives the value of every
     * parameter the space does not sweep (the script's defaults).
     */
    public static CombinationPlan of(ParamSpace space, Constraint constraint, Map<String, Object> declared, Search search) {
        Map<String, Object> env = new HashMap<>(declared);
        long size = space.size();
        long[] ids = switch (search) {
            case Search.Grid g -> {
                if (size > MAX_GRID) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                            "%,d combinations is too many for a grid (at most %,d); narrow the ranges or use --search random --samples N", size, MAX_GRID));
                }
                yield meeting(space, constraint, env, size);
            }
            case Search.Random r -> size <= ENUMERATE_UP_TO ? sample(meeting(space, constraint, env, size), r)
                    : rejectionSample(space, constraint, env, r);
        };
        if (ids.length == 0) {
            throw new IllegalArgumentException("constraint '" + constraint.text() + "' excludes every one of the "
                    + String.format(java.util.Locale.ROOT, "%,d", size) + " combinations");
        }
        Optional<String> note = Optional.empty();
        if (search instanceof Search.Random r && r.samples() > ids.length) {
            note = Optional.of(String.format(java.util.Locale.ROOT, "--samples %,d asks for more than the %,d combination%s there %s: running all %,d",
                    r.samples(), ids.length, ids.length == 1 ? "" : "s", ids.length == 1 ? "is" : "are", ids.length));
        }
        return new CombinationPlan(space, ids, note);
    }

    private static long[] meeting(ParamSpace space, Constraint constraint, Map<String, Object> env, long size) {
        if (constraint.isNone()) {
            long[] all = new long[(int) size];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return all;
        }
        long[] out = new long[(int) Math.min(size, 1024)];
        int n = 0;
        for (long i = 0; i < size; i++) {
            if (meets(space, constraint, env, i)) {
                if (n == out.length) out = Arrays.copyOf(out, (int) Math.min(size, 2L * out.length));
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean meets(ParamSpace space, Constraint constraint, Map<String, Object> env, long index) {
        env.putAll(space.paramsAt(index));
        return constraint.test(env);
    }

    /** A partial Fisher-Yates shuffle: the first {@code samples} slots become a uniform sample. */
    private static long[] sample(long[] valid, Search.Random r) {
        if (r.samples() >= valid.length) return valid;
        SplittableRandom random = new SplittableRandom(r.seed());
        long[] a = valid.clone();
        for (int k = 0; k < r.samples(); k++) {
            int j = k + random.nextInt(a.length - k);
            long t = a[k];
            a[k] = a[j];
            a[j] = t;
        }
        long[] picked = Arrays.copyOf(a, r.samples());
        Arrays.sort(picked);
        return picked;
    }

    private static long[] rejectionSample(ParamSpace space, Constraint constraint, Map<String, Object> env, Search.Random r) {
        SplittableRandom random = new SplittableRandom(r.seed());
        Set<Long> picked = new HashSet<>();
        long tries = 0, limit = 1000L * r.samples();
        while (picked.size() < r.samples() && tries++ < limit) {
            long i = random.nextLong(space.size());
            if (!picked.contains(i) && meets(space, constraint, env, i)) picked.add(i);
        }
        long[] out = picked.stream().mapToLong(Long::longValue).sorted().toArray();
        if (out.length > 0 && out.length < r.samples()) {
            throw new IllegalArgumentException("constraint '" + constraint.text() + "' excludes nearly every combination; found only "
                    + out.length + " of " + r.samples() + " samples");
        }
        return out;
    }

    public ParamSpace space() { return space; }

    /** The number of combinations to run. */
    public int size() { return ids.length; }

    /** The grid index of the k-th combination to run. */
    public long id(int k) { return ids[k]; }

    /** The swept parameters of the k-th combination. */
    public Map<String, Object> params(int k) { return space.paramsAt(ids[k]); }
}
