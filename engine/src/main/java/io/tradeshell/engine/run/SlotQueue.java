package io.tradeshell.engine.run;

/**
 * The slots of a merged feed ordered by the close time of their next bar, ties to the lower
 * slot: a binary heap, so a universe of hundreds of symbols costs a few comparisons per bar
 * rather than a scan of every symbol.
 */
final class SlotQueue {
    private final int[] heap;
    private final long[] key;
    private int size;

    SlotQueue(int slots) {
        heap = new int[slots];
        key = new long[slots];
    }

    /** Adds a slot whose next bar closes at {@code time}. */
    void add(int slot, long time) {
        key[slot] = time;
        heap[size] = slot;
        up(size++);
    }

    boolean isEmpty() { return size == 0; }

    /** The slot whose bar closes first. */
    int first() { return heap[0]; }

    long firstTime() { return key[heap[0]]; }

    /** The first slot's next bar now closes at {@code time}. */
    void moveFirst(long time) {
        key[heap[0]] = time;
        down(0);
    }

    void removeFirst() {
        heap[0] = heap[--size];
        if (size > 0) down(0);
    }

    private boolean before(int a, int b) {
        return key[a] < key[b] || (key[a] == key[b] && a < b);
    }

    private void up(int i) {
        int s = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(s, heap[parent])) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = s;
    }

    private void down(int i) {
        int s = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && before(heap[child + 1], heap[child])) child++;
            if (!before(heap[child], s)) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = s;
    }
}
