package io.tradeshell.engine.alerts;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertConfigTest {
    @TempDir
    Path dir;

    private Path runLog() { return dir.resolve("runs/r1/alerts.log"); }

    private Path write(String json) throws Exception {
        Path f = dir.resolve("alerts.json");
        Files.writeString(f, json);
        return f;
    }

    private void assertProblem(String json, String problem) throws Exception {
        Path f = write(json);
        assertThatThrownBy(() -> AlertConfig.load(f, runLog()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + ":1: " + problem);
    }

    @Test
    void readsEveryChannelOfAFullConfig() throws Exception {
        Path f = write("""
                {"console": false, "logFile": "alerts.log",
                 "webhook": {"url": "https://hooks.example.com/services/T0/B0/xyz", "timeoutMs": 3000},
                 "email": {"host": "localhost", "port": 2525, "from": "bot@desk.example",
                           "to": ["a@desk.example", "b@desk.example"],
                           "username": "bot", "password": "s3cret", "startTls": true, "timeoutMs": 7000}}
                """);
        assertThat(AlertConfig.load(f, runLog())).isEqualTo(new AlertConfig(false,
                Optional.of(dir.toAbsolutePath().resolve("alerts.log")),   // relative to the config's folder
                Optional.of(new WebhookSettings(URI.create("https://hooks.example.com/services/T0/B0/xyz"), Duration.ofMillis(3000))),
                Optional.of(new EmailSettings("localhost", 2525, "bot@desk.example", List.of("a@desk.example", "b@desk.example"),
                        "bot", "s3cret", true, Duration.ofMillis(7000)))));
    }

    @Test
    void missingKeysTakeTheirDefaults() throws Exception {
        Path f = write("""
                {"webhook": {"url": "http://localhost:9000/hook"},
                 "email": {"host": "mail.example", "from": "bot@desk.example", "to": "a@desk.example"}}
                """);
        assertThat(AlertConfig.load(f, runLog())).isEqualTo(new AlertConfig(true, Optional.of(runLog()),
                Optional.of(new WebhookSettings(URI.create("http://localhost:9000/hook"), Duration.ofSeconds(5))),
                Optional.of(new EmailSettings("mail.example", 25, "bot@desk.example", List.of("a@desk.example"),
                        "", "", false, Duration.ofSeconds(10)))));
    }

    @Test
    void withoutAFileAlertsGoToTheConsoleAndTheDefaultLog() {
        Path user = dir.resolve("home/.tradeshell/alerts.json");   // does not exist
        AlertConfig c = AlertConfig.find(Optional.empty(), user, runLog());
        assertThat(c).isEqualTo(new AlertConfig(true, Optional.of(runLog()), Optional.empty(), Optional.empty()));
        assertThat(c).isEqualTo(AlertConfig.defaults(runLog()));
    }

    @Test
    void theUsersFileIsReadWhenNoneIsGiven() throws Exception {
        Path user = write("{\"console\": false}");
        assertThat(AlertConfig.find(Optional.empty(), user, runLog()).console()).isFalse();
    }

    @Test
    void aGivenFileMustExist() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> AlertConfig.find(Optional.of(missing), dir.resolve("other.json"), runLog()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aLogFileOfNullOrFalseMeansNoneAndAnAbsoluteOneIsKept() throws Exception {
        assertThat(AlertConfig.load(write("{\"logFile\": null}"), runLog()).logFile()).isEmpty();
        assertThat(AlertConfig.load(write("{\"logFile\": false}"), runLog()).logFile()).isEmpty();
        Path abs = dir.resolve("elsewhere/a.log").toAbsolutePath();
        assertThat(AlertConfig.load(write("{\"logFile\": \"" + abs.toString().replace("\\", "\\\\") + "\"}"), runLog()).logFile()).contains(abs);
    }

    @Test
    void channelsAreBuiltInOrder() throws Exception {
        Path f = write("""
                {"webhook": {"url": "http://localhost:9000/hook"},
                 "email": {"host": "mail.example", "from": "bot@desk.example", "to": ["a@desk.example"]}}
                """);
        List<AlertChannel> channels = AlertConfig.load(f, runLog()).channels(new PrintWriter(new StringWriter()));
        try {
            assertThat(channels).extracting(AlertChannel::name).containsExactly(
                    "console", "log file " + runLog(), "webhook http://localhost:9000", "email mail.example:25");
        } finally {
            channels.forEach(AlertChannel::close);
        }
    }

    @Test
    void invalidJsonNamesTheFileAndWhere() throws Exception {
        Path f = write("{\n  \"console\": true,\n  \"logFile\": \"a.log\"\n  \"webhook\": null\n}");
        assertThatThrownBy(() -> AlertConfig.load(f, runLog()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + ":4: not valid JSON: Unexpected character ('\"' (code 34)): was expecting comma");   // two spaces, then the quote that needed a comma before it
    }

    @Test
    void malformedContentIsAnErrorNamingTheFileAndTheProblem() throws Exception {
        assertProblem("[1, 2]", "the file must be an object {...}");
        assertProblem("{\"webhok\": {}}", "unknown key \"webhok\" (known: console, logFile, webhook, email, repeatWindow)");
        assertProblem("{\"console\": \"yes\"}", "console must be true or false, was \"yes\"");
        assertProblem("{\"logFile\": 3}", "logFile must be a file path, or null or false for none, was 3");
        assertProblem("{\"webhook\": \"http://x\"}", "webhook must be an object {...}");
        assertProblem("{\"webhook\": {}}", "webhook.url is missing");
        assertProblem("{\"webhook\": {\"url\": \"ftp://x/y\"}}", "webhook.url must be an http or https address, was \"ftp://x/...\"");
        assertProblem("{\"webhook\": {\"url\": \"http://x\", \"timeoutMs\": 0}}", "webhook.timeoutMs must be a whole number of milliseconds above 0, was 0");
        assertProblem("{\"webhook\": {\"url\": \"http://x\", \"timeout\": 5}}", "unknown key \"webhook.timeout\" (known: url, timeoutMs)");
        String email = "\"host\": \"h\", \"from\": \"bot@desk.example\"";
        assertProblem("{\"email\": {" + email + "}}", "email.to is missing");
        assertProblem("{\"email\": {" + email + ", \"to\": []}}", "email.to must be a non-empty list of addresses, was []");
        assertProblem("{\"email\": {" + email + ", \"to\": [\"a@desk.example\"], \"port\": 70000}}", "email.port must be a whole number from 1 to 65535, was 70000");
        assertProblem("{\"email\": {" + email + ", \"to\": [\"a@desk.example\"], \"username\": \"bot\"}}", "email.username and email.password must be given together");
        assertProblem("{\"email\": {" + email + ", \"to\": [\"a@desk.example\"], \"password\": 12345, \"username\": \"u\"}}", "email.password must be a text in quotes");
        assertProblem("{\"email\": {\"host\": \"h\", \"from\": \"bot\", \"to\": [\"a@desk.example\"]}}", "email from is not a mail address: \"bot\"");
        assertProblem("{\"email\": {" + email + ", \"to\": [\"a@desk.example\\r\\nRCPT TO:<x@y>\"]}}", "email to is not a mail address: \"a@desk.example RCPT TO:<x@y>\"");
    }

    @Test
    void aProblemNamesTheLineItIsOnAndNeverASecretsValue() throws Exception {
        Path f = write("""
                {
                  "console": true,
                  "email": {
                    "host": "smtp.desk.example", "from": "bot@desk.example", "to": ["me@desk.example"],
                    "username": "bot",
                    "password": ["hunter2-SECRET"]
                  }
                }
                """);
        assertThatThrownBy(() -> AlertConfig.load(f, runLog()))
                .hasMessage(f + ":6: email.password must be a text in quotes")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
        Path f2 = write("{\n  \"webhook\": \"https://hooks.example.com/services/TOKEN1\"\n}");
        assertThatThrownBy(() -> AlertConfig.load(f2, runLog()))
                .hasMessage(f2 + ":2: webhook must be an object {...}")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOKEN1"));
        Path f3 = write("{\n  \"console\": true,\n  \"emial\": {}\n}");
        assertThatThrownBy(() -> AlertConfig.load(f3, runLog()))
                .hasMessage(f3 + ":3: unknown key \"emial\" (known: console, logFile, webhook, email, repeatWindow)");
        Path f4 = write("{\n  \"email\": {\n    \"host\": \"h\",\n    \"to\": \"me@desk.example\"\n  }\n}");
        assertThatThrownBy(() -> AlertConfig.load(f4, runLog()))
                .hasMessageStartingWith(f4 + ":").hasMessageEndingWith(": email.from is missing");
    }

    @Test
    void aRepeatedKeyIsAnError() throws Exception {
        Path f = write("{\"console\": true, \"console\": false}");
        assertThatThrownBy(() -> AlertConfig.load(f, runLog()))
                .hasMessageStartingWith(f + ":1: not valid JSON: Duplicate field 'console'");
    }

    @Test
    void theRepeatWindowForIdenticalAlertsCanBeSet(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("alerts.json");
        java.nio.file.Files.writeString(f, "{\"repeatWindow\": \"1h\"}");
        assertThat(AlertConfig.load(f, dir.resolve("a.log")).repeatWindow()).isEqualTo(java.time.Duration.ofHours(1));
        java.nio.file.Files.writeString(f, "{}");
        assertThat(AlertConfig.load(f, dir.resolve("a.log")).repeatWindow()).isEqualTo(AlertRouter.DEFAULT_REPEAT_WINDOW);
        java.nio.file.Files.writeString(f, "{\"repeatWindow\": \"often\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertConfig.load(f, dir.resolve("a.log")))
                .hasMessageStartingWith(f + ":1: repeatWindow: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "htps://bot:PASSWORD1@hooks.example.com/services/T0/B0/TOKEN1?key=QUERY1",
            "https://hooks.example.com/services/T0/B0/TOKEN1 QUERY1",
            "hooks.example.com/services/T0/B0/TOKEN1#QUERY1",
            "https://bot:PASSWORD1@/services/TOKEN1"})
    void aMistypedWebhookAddressIsNamedWithoutItsSecrets(String url) throws Exception {
        Path f = write("{\"webhook\": {\"url\": \"" + url + "\"}}");
        assertThatThrownBy(() -> AlertConfig.load(f, runLog()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + ":1: webhook.url ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("PASSWORD1", "TOKEN1", "QUERY1", "bot:"));
    }

    @Test
    void maskingKeepsOnlyTheSchemeHostAndPort() {
        assertThat(WebhookSettings.masked("https://bot:pw@hooks.slack.com:8443/services/T0/B0/XYZ?a=b")).isEqualTo("https://hooks.slack.com:8443/...");
        assertThat(WebhookSettings.masked("http://localhost:9000")).isEqualTo("http://localhost:9000");
        assertThat(WebhookSettings.masked("hooks.slack.com/services/XYZ")).isEqualTo("hooks.slack.com/...");
    }

    @Test
    void anEmailLoginWithoutTlsIsAWarningWhenTheRouterStarts() throws Exception {
        Path f = write("""
                {"console": false, "logFile": null,
                 "email": {"host": "mail.example", "from": "bot@desk.example", "to": "me@desk.example",
                           "username": "bot", "password": "s3cret"}}""");
        StringWriter console = new StringWriter();
        AlertConfig.load(f, runLog()).router("paper", new PrintWriter(console)).close();
        assertThat(console.toString()).startsWith("warning: email alerts log in to mail.example:25 without TLS")
                .contains("\"startTls\": true").doesNotContain("s3cret");
        Path tls = write("""
                {"console": false, "logFile": null,
                 "email": {"host": "mail.example", "from": "bot@desk.example", "to": "me@desk.example",
                           "username": "bot", "password": "s3cret", "startTls": true}}""");
        assertThat(AlertConfig.load(tls, runLog()).noTlsWarning()).isEmpty();
    }
}
