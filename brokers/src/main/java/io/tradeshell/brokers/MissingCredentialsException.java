package io.tradeshell.brokers;

import java.util.List;

/** A broker command started without the settings it needs; the message says what to set. */
public final class MissingCredentialsException extends IllegalArgumentException {
    public MissingCredentialsException(String broker, List<String> missing) {
        super(broker + " needs " + String.join(" and ", missing) + ": set " + (missing.size() == 1 ? "it" : "them")
                + " in the environment or in a credentials file (--credentials FILE, readable by you alone)");
    }
}
