package io.tradeshell.engine.alerts;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Mails each alert through an SMTP server, one connection per alert (alerts are rare, and a
 * held connection would time out between them). The Date header is the wall-clock time of
 * sending; the alert's own time, on the run's clock, is in the body.
 */
public final class EmailAlerts implements AlertChannel {
    private final EmailSettings settings;
    private final Clock wallClock;

    public EmailAlerts(EmailSettings settings) {
        this(settings, Clock.systemDefaultZone());
    }

    /** @param wallClock the clock the Date header is taken from */
    public EmailAlerts(EmailSettings settings, Clock wallClock) {
        this.settings = settings;
        this.wallClock = wallClock;
    }

    @Override
    public void send(Alert alert) {
        String message = MailText.message(alert, settings, ZonedDateTime.now(wallClock));
        byte[] content = MailText.dotStuffed(message);
        boolean eightBit = !MailText.isAscii(message);
        try (SmtpSession smtp = SmtpSession.open(settings.host(), settings.port(), settings.timeout())) {
            smtp.hello();
            if (settings.startTls()) smtp.startTls();
            if (settings.logsIn()) smtp.login(settings.username(), settings.password());
            List<String> refused = smtp.send(settings.from(), settings.to(), content, eightBit);
            smtp.quit();
            if (!refused.isEmpty()) {
                throw new AlertDeliveryException("smtp " + settings.host() + ":" + settings.port()
                        + " delivered the alert but refused " + String.join(", ", refused));
            }
        }
    }

    @Override
    public String name() { return "email " + settings.host() + ":" + settings.port(); }
}
