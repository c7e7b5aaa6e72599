package io.tradeshell.engine.alerts;

/** The subject and plain text of an alert's email. */
final class MailText {
    private MailText() { }

    static String subject(Alert a) {
        return "[tradeshell] " + a.level() + " " + a.title() + " (" + a.source() + ")";
    }

    static String body(Alert a) {
        return a.title() + "\n\n"
                + "Level:  " + a.level() + "\n"
                + "Source: " + a.source() + "\n"
                + "Time:   " + a.timeText() + "\n\n"
                + a.message() + "\n";
    }
}
