package io.tradeshell.cluster;

/** A member will not run a sweep: its script or data is not the sweep's. Said to the user as it is, with exit code 2. */
final class MemberRefusal extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MemberRefusal(String message) {
        super(message);
    }
}
