package io.tradeshell.engine.alerts;

import jakarta.mail.internet.MimeUtility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
            assertThat(server.commands.get(0)).startsWith("EHLO ");
            assertThat(server.commands.subList(1, server.commands.size())).containsExactly(
                    "MAIL FROM:<bot@desk.example>",
                    "RCPT TO:<a@desk.example>",
                    "RCPT TO:<b@desk.example>",
                    "DATA",
                    "QUIT");
            assertThat(server.dataLines).contains(
                    "From: bot@desk.example",
                    "To: a@desk.example, b@desk.example",
                    "Subject: [tradeshell] CRITICAL Trading halted (paper)",
                    "MIME-Version: 1.0",
                    "Content-Type: text/plain; charset=UTF-8",
                    "Content-Transfer-Encoding: 7bit");
            String date = server.dataLines.stream().filter(l -> l.startsWith("Date: ")).findFirst().orElseThrow();
            assertThat(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(date.substring(6).replaceFirst(" \\(.*\\)$", ""))))
                    .isEqualTo(SENT_AT.instant());
            List<String> body = server.dataLines.subList(server.dataLines.indexOf("") + 1, server.dataLines.size());
            assertThat(body).containsExactly(
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
            // base64 of "bot\0bot\0s3cret" (authorising as the user it logs in as), worked out separately
            assertThat(server.commands.subList(1, server.commands.size())).containsExactly("AUTH PLAIN Ym90AGJvdABzM2NyZXQ=",
                    "MAIL FROM:<bot@desk.example>", "RCPT TO:<a@desk.example>", "DATA", "QUIT");
        }
    }

    @Test
    void logsInWithAuthLoginWhenOnlyThatIsOffered() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.offering("AUTH LOGIN")) {
            new EmailAlerts(settings(server, List.of("a@desk.example")).withLogin("bot", "s3cret"), SENT_AT).send(HALT);
            server.awaitEnd();
            // base64 of "bot" and of "s3cret"
            assertThat(server.commands.subList(1, server.commands.size())).containsExactly("AUTH LOGIN", "Ym90", "czNjcmV0",
                    "MAIL FROM:<bot@desk.example>", "RCPT TO:<a@desk.example>", "DATA", "QUIT");
        }
    }

    @Test
    void nonAsciiTextIsSentQuotedPrintableWithAnEncodedSubject() throws Exception {
        Alert a = new Alert(T, AlertLevel.WARN, "Stop für DAX", "Verlust über 5 €", "paper");
        try (FakeSmtpServer server = FakeSmtpServer.offering("8BITMIME")) {
            new EmailAlerts(settings(server, List.of("a@desk.example")), SENT_AT).send(a);
            server.awaitEnd();
            String subject = server.dataLines.stream().filter(l -> l.startsWith("Subject: ")).findFirst().orElseThrow();
            assertThat(subject).startsWith("Subject: =?UTF-8?");
            assertThat(MimeUtility.decodeText(subject.substring(9))).isEqualTo("[tradeshell] WARN Stop für DAX (paper)");
            // the UTF-8 bytes of ü (C3 BC) and € (E2 82 AC), as quoted-printable writes them: 7-bit safe for any server
            assertThat(server.dataLines).contains("Content-Transfer-Encoding: quoted-printable", "Verlust =C3=BCber 5 =E2=82=AC");
        }
    }

    @Test
    void fallsBackToHeloForAServerWithoutEhlo() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(null, Set.of(), false)) {
            new EmailAlerts(settings(server, List.of("a@desk.example")), SENT_AT).send(HALT);
            server.awaitEnd();
            assertThat(server.commands.get(0)).startsWith("EHLO ");
            assertThat(server.commands.get(1)).startsWith("HELO ");
            assertThat(server.commands.get(2)).isEqualTo("MAIL FROM:<bot@desk.example>");
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
                    .hasMessageStartingWith("smtp 127.0.0.1:" + server.port() + " failed: ").hasMessageContaining("STARTTLS")
                    .hasMessageNotContaining("s3cret");
            server.awaitEnd();
            assertThat(server.commands).noneMatch(c -> c.startsWith("AUTH") || c.startsWith("MAIL"));
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(List.of(), Set.of(), true)) {
            EmailAlerts email = new EmailAlerts(settings(server, List.of("a@desk.example")).withTimeout(Duration.ofMillis(300)), SENT_AT);
            assertThatThrownBy(() -> email.send(HALT))
                    .isInstanceOf(AlertDeliveryException.class)
                    .hasMessage("smtp 127.0.0.1:" + server.port() + " gave no answer within 300 ms");
        }
    }

    @Test
    void settingsNeverPrintThePassword() {
        EmailSettings s = EmailSettings.of("mail.example", 587, "bot@desk.example", List.of("a@desk.example")).withLogin("bot", "s3cret");
        assertThat(s.toString()).doesNotContain("s3cret").contains("password=****");
    }
}
