package io.tradeshell.engine.run;

import java.util.ArrayList;
import java.util.List;

/** Writes down what a feed delivers, one line per event. */
final class RecordingSink implements FeedSink {
    final List<String> events = new ArrayList<>();

    @Override
    public void onBar(int slot, long openTime, double open, double high, double low, double close, double volume) {
        events.add("bar " + slot + " " + openTime + " " + open + " " + high + " " + low + " " + close + " " + volume);
    }

    @Override
    public void onTick(int slot, long time, double price, double amount) {
        events.add("tick " + slot + " " + time + " " + price + " " + amount);
    }
}
