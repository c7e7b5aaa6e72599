package io.tradeshell.engine.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Posts each alert as {@code {"text": "..."}}, the body a Slack incoming webhook accepts, with
 * Slack's mrkdwn: {@code *LEVEL* title [source]}, then the time and the message on a second line.
 * Any answer other than 2xx, a timeout or a network error is a failed delivery.
 */
public final class WebhookAlerts implements AlertChannel {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int SHOWN_BODY_CHARS = 200;
    private final WebhookSettings settings;
    private final HttpClient client;

    public WebhookAlerts(WebhookSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)   // plain webhooks rarely speak HTTP/2; skip the upgrade attempt
                .connectTimeout(settings.timeout())
                .build();
    }

    /** The text posted for an alert, with {@code & < >} escaped as Slack requires. */
    public static String text(Alert a) {
        return "*" + a.level() + "* " + slackEscape(a.title()) + " [" + slackEscape(a.source()) + "]\n"
                + a.timeText() + " " + slackEscape(a.message());
    }

    static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The JSON body posted for an alert. */
    public static String body(Alert a) {
        StringWriter s = new StringWriter(200);
        try (JsonGenerator g = JSON.createGenerator(s)) {
            g.writeStartObject();
            g.writeStringField("text", text(a));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringWriter does not fail
        }
        return s.toString();
    }

    @Override
    public void send(Alert alert) {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(alert), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AlertDeliveryException("webhook " + settings.site() + " gave no answer within " + settings.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new AlertDeliveryException("webhook " + settings.site() + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlertDeliveryException("webhook " + settings.site() + ": interrupted while sending", e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String body = response.body().strip();
            if (body.length() > SHOWN_BODY_CHARS) body = body.substring(0, SHOWN_BODY_CHARS) + "...";
            throw new AlertDeliveryException("webhook " + settings.site() + " answered HTTP " + status
                    + (body.isEmpty() ? "" : ": " + ConsoleAlerts.oneLine(body)));
        }
    }

    @Override
    public String name() { return "webhook " + settings.site(); }

    @Override
    public void close() {
        client.close();
    }
}
