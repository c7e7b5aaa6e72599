package io.tradeshell.engine.alerts;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** Writes an alert as an email (RFC 5322 headers and a plain-text body) ready for SMTP DATA. */
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

    /** The whole message, headers then body, with CRLF line ends, before dot-stuffing. */
    static String message(Alert a, EmailSettings s, ZonedDateTime now) {
        String body = body(a);
        boolean ascii = isAscii(body);
        return "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(now) + "\r\n"
                + "From: " + s.from() + "\r\n"
                + "To: " + String.join(", ", s.to()) + "\r\n"
                + "Subject: " + headerText(subject(a)) + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: " + (ascii ? "7bit" : "8bit") + "\r\n"
                + "\r\n"
                + crlf(body);
    }

    /**
     * Doubles the dot of every line that starts with one (RFC 5321 4.5.2), so no line of the
     * text can end the DATA early, and encodes it for the wire.
     */
    static byte[] dotStuffed(String message) {
        StringBuilder b = new StringBuilder(message.length() + 16);
        int start = 0;
        while (start < message.length()) {
            int end = message.indexOf("\r\n", start);
            end = end < 0 ? message.length() : end + 2;
            if (message.charAt(start) == '.') b.append('.');
            b.append(message, start, end);
            start = end;
        }
        if (!message.endsWith("\r\n")) b.append("\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Any mix of line ends becomes CRLF, the only one SMTP allows. */
    static String crlf(String text) {
        return text.replaceAll("\\r\\n|\\r|\\n", "\r\n");
    }

    /** A header value on one line, as an RFC 2047 encoded word when it is not plain ASCII. */
    static String headerText(String s) {
        String line = ConsoleAlerts.oneLine(s);
        if (isAscii(line)) return line;
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 127) return false;
        return true;
    }
}
