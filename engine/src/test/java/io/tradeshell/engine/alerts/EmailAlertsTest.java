package io.tradeshell.engine.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAlertsTest {
    private static final long T = Instant.parse("2013-01-02T14:30:00Z").toEpochMilli();
    private static final Clock SENT_AT = Clock.fixed(Instant.parse("2013-01-02T15:04:05Z"), ZoneOffset.UTC);
    private static final Alert HALT = new Alert(T, AlertLevel.CRITICAL, "Trading halted",
            "drawdown 12.00% from the peak 1000.00 exceeds the 10.00% limit", "paper");

    private static EmailSettings settings(FakeSmtpServer server, List<String> to) {
        return EmailSettings.of("127.0.0.1", server.port(), "bot@desk.example", to).withTimeout(Duration.ofSeconds(5));
    }

    @Test
    void sendsEnvelopeHeadersAndBodyThenQuits() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.offering("8BITMIME", "HELP")) {
            new EmailAlerts(settings(server, List.of("a@desk.example", "b@desk.example")), SENT_AT).send(HALT);
            server.awaitEnd();
            assertThat(server.problem).isNull();
            assertThat(server.commands).containsExactly(
                    "EHLO [127.0.0.1]",
                    "MAIL FROM:<bot@desk.example>",
                    "RCPT TO:<a@desk.example>",
                    "RCPT TO:<b@desk.example>",
                    "DATA",
                    "QUIT");
            assertThat(server.dataLines).containsExactly(
                    "Date: Wed, 2 Jan 2013 15:04:05 GMT",
                    "From: bot@desk.example",
                    "To: a@desk.example, b@desk.example",
                    "Subject: [tradeshell] CRITICAL Trading halted (paper)",
                    "MIME-Version: 1.0",
                    "Content-Type: text/plain; charset=UTF-8",
                    "Content-Transfer-Encoding: 7bit",
                    "",
                    "Trading halted",
                    "",
                    "Level:  CRITICAL",
                    "Source: paper",
                    "Time:   2013-01-02T14:30:00Z",
                    "",
                    "drawdown 12.00% from the peak 1000.00 exceeds the 10.00% limit");
        }
    }

    @Test
    void linesStartingWithADotAreDotStuffedOnTheWire() throws Exception {
        Alert dotted = HALT.withMessage("first\n.hidden\n..two\r\nlast.");
        try (FakeSmtpServer server = FakeSmtpServer.offering()) {
            new EmailAlerts(settings(server, List.of("a@desk.example")), SENT_AT).send(dotted);
            server.awaitEnd();
            List<String> lines = server.dataLines;
            assertThat(lines.subList(lines.size() - 4, lines.size())).containsExactly("first", "..hidden", "...two", "last.");
            // undoing the stuffing as a receiving server does gives the text back
            List<String> unstuffed = new ArrayList<>();
            for (String l : lines.subList(lines.size() - 4, lines.size())) unstuffed.add(l.startsWith(".") ? l.substring(1) : l);
            assertThat(String.join("\n", unstuffed)).isEqualTo("first\n.hidden\n..two\nlast.");
        }
    }

    @Test
    void logsInWithAuthPlainWhenOffered() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.offering("AUTH LOGIN PLAIN")) {
            new EmailAlerts(settings(server, List.of("a@desk.example")).withLogin("bot", "s3cret"), SENT_AT).send(HALT);
            server.awaitEnd();
            // base64 of "\0bot\0s3cret", worked out separately
            assertThat(server.commands).containsExactly("EHLO [127.0.0.1]", "AUTH PLAIN AGJvdABzM2NyZXQ=",
                    "MAIL FROM:<bot@desk.example>", "RCPT TO:<a@desk.example>", "DATA", "QUIT");
        }
    }

    @Test
    void logsInWithAuthLoginWhenOnlyThatIsOffered() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.offering("AUTH=LOGIN")) {
            new EmailAlerts(settings(server, List.of("a@desk.example")).withLogin("bot", "s3cret"), SENT_AT).send(HALT);
            server.awaitEnd();
            // base64 of "bot" and of "s3cret"
            assertThat(server.commands).containsExactly("EHLO [127.0.0.1]", "AUTH LOGIN", "Ym90", "czNjcmV0",
                    "MAIL FROM:<bot@desk.example>", "RCPT TO:<a@desk.example>", "DATA", "QUIT");
        }
    }

    @Test
    void nonAsciiTextIsSentAsEightBitWithAnEncodedSubject() throws Exception {
        Alert a = new Alert(T, AlertLevel.WARN, "Stop für DAX", "Verlust über 5 €", "paper");
        try (FakeSmtpServer server = FakeSmtpServer.offering("8BITMIME")) {
            new EmailAlerts(settings(server, List.of("a@desk.example")), SENT_AT).send(a);
            server.awaitEnd();
            assertThat(server.commands).contains("MAIL FROM:<bot@desk.example> BODY=8BITMIME");
            // base64 of the UTF-8 of "[tradeshell] WARN Stop für DAX (paper)", worked out separately
            assertThat(server.dataLines).contains(
                    "Subject: =?UTF-8?B?W3RyYWRlc2hlbGxdIFdBUk4gU3RvcCBmw7xyIERBWCAocGFwZXIp?=",
                    "Content-Transfer-Encoding: 8bit",
                    "Verlust über 5 €");
        }
    }

    @Test
    void fallsBackToHeloForAServerWithoutEhlo() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(null, Set.of(), false)) {
            new EmailAlerts(settings(server, List.of("a@desk.example")), SENT_AT).send(HALT);
            server.awaitEnd();
            assertThat(server.commands.subList(0, 3)).containsExactly("EHLO [127.0.0.1]", "HELO [127.0.0.1]", "MAIL FROM:<bot@desk.example>");
        }
    }

    @Test
    void aRefusedRecipientIsReportedAfterTheOthersGotTheAlert() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of(), Set.of("gone@desk.example"), false)) {
            EmailAlerts email = new EmailAlerts(settings(server, List.of("gone@desk.example", "a@desk.example")), SENT_AT);
            assertThatThrownBy(() -> email.send(HALT))
                    .isInstanceOf(AlertDeliveryException.class)
                    .hasMessage("smtp 127.0.0.1:" + server.port() + " delivered the alert but refused gone@desk.example (550 5.1.1 no such user)");
            server.awaitEnd();
            assertThat(server.commands).contains("DATA");
            assertThat(server.dataLines).contains("Trading halted");
        }
    }

    @Test
    void everyRecipientRefusedMeansNoMessage() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of(), Set.of("gone@desk.example"), false)) {
            EmailAlerts email = new EmailAlerts(settings(server, List.of("gone@desk.example")), SENT_AT);
            assertThatThrownBy(() -> email.send(HALT))
                    .isInstanceOf(AlertDeliveryException.class)
                    .hasMessage("smtp 127.0.0.1:" + server.port() + " refused every recipient: gone@desk.example (550 5.1.1 no such user)");
            server.awaitEnd();
            assertThat(server.commands).doesNotContain("DATA");
        }
    }

    @Test
    void requiredStartTlsMissingStopsBeforeTheLoginIsSentInTheClear() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.offering("AUTH PLAIN")) {
            EmailAlerts email = new EmailAlerts(settings(server, List.of("a@desk.example"))
                    .withLogin("bot", "s3cret").withStartTls(true), SENT_AT);
            assertThatThrownBy(() -> email.send(HALT))
                    .isInstanceOf(AlertDeliveryException.class)
                    .hasMessage("smtp 127.0.0.1:" + server.port() + " does not offer STARTTLS, which the alert settings require");
            server.awaitEnd();
            assertThat(server.commands).containsExactly("EHLO [127.0.0.1]");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of(), Set.of(), true)) {
            EmailAlerts email = new EmailAlerts(settings(server, List.of("a@desk.example")).withTimeout(Duration.ofMillis(300)), SENT_AT);
            assertThatThrownBy(() -> email.send(HALT))
                    .isInstanceOf(AlertDeliveryException.class)
                    .hasMessage("smtp 127.0.0.1:" + server.port() + " gave no answer within 300 ms at greeting");
        }
    }

    @Test
    void settingsNeverPrintThePassword() {
        EmailSettings s = EmailSettings.of("mail.example", 587, "bot@desk.example", List.of("a@desk.example")).withLogin("bot", "s3cret");
        assertThat(s.toString()).doesNotContain("s3cret").contains("password=****");
    }
}
