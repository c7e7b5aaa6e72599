package io.tradeshell.engine.alerts;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Mails each alert through an SMTP server with Angus Mail (Jakarta Mail), one connection per
 * alert (alerts are rare, and a held connection would time out between them). The Date header
 * is the wall-clock time of sending; the alert's own time, on the run's clock, is in the body.
 * Text that is not ASCII goes quoted-printable, which every server takes. Every failure is an
 * {@link AlertDeliveryException} naming the server and never the password.
 */
public final class EmailAlerts implements AlertChannel {
    private final EmailSettings settings;
    private final Clock wallClock;
    private final String server;

    public EmailAlerts(EmailSettings settings) {
        this(settings, Clock.systemDefaultZone());
    }

    /** @param wallClock the clock the Date header is taken from */
    public EmailAlerts(EmailSettings settings, Clock wallClock) {
        this.settings = settings;
        this.wallClock = wallClock;
        this.server = "smtp " + settings.host() + ":" + settings.port();
    }

    @Override
    public void send(Alert alert) {
        Session session = Session.getInstance(properties());
        try (Transport smtp = session.getTransport("smtp")) {
            MimeMessage mail = message(session, alert);
            smtp.connect(settings.host(), settings.port(), settings.logsIn() ? settings.username() : null,
                    settings.logsIn() ? settings.password() : null);
            smtp.sendMessage(mail, mail.getAllRecipients());
        } catch (SendFailedException e) {
            throw refused(e);
        } catch (MessagingException e) {
            throw failed(e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        String timeout = Long.toString(Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()));
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.sendpartial", "true");     // the other recipients still get the alert
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.logsIn()));
        p.setProperty("mail.smtp.auth.mechanisms", "PLAIN LOGIN");
        if (settings.startTls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true"); // never log in in the clear when TLS was asked for
        }
        return p;
    }

    private MimeMessage message(Session session, Alert alert) throws MessagingException {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(settings.from()));
        List<Address> to = new ArrayList<>();
        for (String a : settings.to()) to.add(new InternetAddress(a));
        mail.setRecipients(Message.RecipientType.TO, to.toArray(Address[]::new));
        mail.setSubject(ConsoleAlerts.oneLine(MailText.subject(alert)), "UTF-8");
        mail.setSentDate(Date.from(wallClock.instant()));
        mail.setText(MailText.body(alert), "UTF-8");
        return mail;
    }

    /** Some recipients refused: the rest got the alert, unless every one refused. */
    private AlertDeliveryException refused(SendFailedException e) {
        List<String> refused = new ArrayList<>();
        for (Exception next = e.getNextException(); next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException r) refused.add(r.getAddress() + " (" + r.getMessage().strip() + ")");
        }
        if (refused.isEmpty() && e.getInvalidAddresses() != null) {
            for (Address a : e.getInvalidAddresses()) refused.add(a.toString());
        }
        boolean someGotIt = e.getValidSentAddresses() != null && e.getValidSentAddresses().length > 0;
        return new AlertDeliveryException(server + (someGotIt ? " delivered the alert but refused " : " refused every recipient: ")
                + String.join(", ", refused), e);
    }

    private AlertDeliveryException failed(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return new AlertDeliveryException(server + " gave no answer within " + settings.timeout().toMillis() + " ms", e);
            }
        }
        String why = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        return new AlertDeliveryException(server + " failed: " + why, e);
    }

    @Override
    public String name() { return "email " + settings.host() + ":" + settings.port(); }
}
