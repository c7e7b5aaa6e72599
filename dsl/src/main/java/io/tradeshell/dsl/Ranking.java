package io.tradeshell.dsl;

import java.util.List;

/**
 * Names ordered by their scores, highest first, equal scores (by {@link Double#compare}) in the
 * order given: a stable merge sort over primitive scores, since a portfolio section ranks the
 * whole universe at every run and boxing each score costs more than comparing it.
 */
final class Ranking {
    private Ranking() { }

    /** The first {@code n} names by {@code scores}, highest first. */
    static List<String> highestFirst(String[] names, double[] scores, int n) {
        int[] order = new int[n], spare = new int[n];
        for (int k = 0; k < n; k++) order[k] = k;
        sort(order, spare, scores, 0, n);
        String[] out = new String[n];
        for (int k = 0; k < n; k++) out[k] = names[order[k]];
        return List.of(out);
    }

    private static void sort(int[] order, int[] spare, double[] scores, int from, int to) {
        if (to - from < 2) return;
        int mid = (from + to) >>> 1;
        sort(order, spare, scores, from, mid);
        sort(order, spare, scores, mid, to);
        if (Double.compare(scores[order[mid - 1]], scores[order[mid]]) >= 0) return; // already in order
        System.arraycopy(order, from, spare, from, to - from);
        int a = from, b = mid, k = from;
        // a later element goes first only when its score is strictly higher: ties keep their order
        while (a < mid && b < to) order[k++] = Double.compare(scores[spare[b]], scores[spare[a]]) > 0 ? spare[b++] : spare[a++];
        while (a < mid) order[k++] = spare[a++];
        while (b < to) order[k++] = spare[b++];
    }
}
