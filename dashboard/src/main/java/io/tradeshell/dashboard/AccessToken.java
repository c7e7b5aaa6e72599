package io.tradeshell.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The one secret that opens the dashboard: random, printed with the URL, and then carried by
 * the page as a cookie (for plain loads and the event stream) or a header (for commands).
 */
public record AccessToken(String value) {
    static final String COOKIE = "tradeshell_token", HEADER = "X-Tradeshell-Token", PARAM = "token";

    public static AccessToken random() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return new AccessToken(HexFormat.of().formatHex(b));
    }

    /** Whether the request carries this token in its query, its cookie or its header. */
    boolean admits(HttpExchange ex) {
        return fromQuery(ex.getRequestURI()).map(this::matches).orElse(false)
                || fromHeader(ex).map(this::matches).orElse(false)
                || fromCookie(ex).map(this::matches).orElse(false);
    }

    /** Only the header counts for commands: a page on another site can make a browser send the cookie, never the header. */
    boolean admitsCommand(HttpExchange ex) {
        return fromHeader(ex).map(this::matches).orElse(false);
    }

    String setCookie() {
        return COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    }

    private boolean matches(String candidate) {
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> fromQuery(URI uri) {
        return Query.of(uri).first(PARAM);
    }

    private static Optional<String> fromHeader(HttpExchange ex) {
        return Optional.ofNullable(ex.getRequestHeaders().getFirst(HEADER));
    }

    private static Optional<String> fromCookie(HttpExchange ex) {
        List<String> cookies = ex.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : cookies) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=")) return Optional.of(p.substring(COOKIE.length() + 1));
            }
        }
        return Optional.empty();
    }
}
