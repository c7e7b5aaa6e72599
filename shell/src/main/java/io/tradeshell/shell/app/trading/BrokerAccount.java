package io.tradeshell.shell.app.trading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.engine.paper.AccountFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which real broker a paper account's orders go to ({@code broker.json} in the account), so
 * {@code paper resume} connects to the same one. It holds the broker's name and whether the
 * account trades real money, never a credential.
 */
public record BrokerAccount(String broker, boolean live) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Path file(AccountFiles account) {
        return account.dir().resolve("broker.json");
    }

    public static Optional<BrokerAccount> read(AccountFiles account) {
        Path f = file(account);
        if (!Files.exists(f)) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(f.toFile());
            return Optional.of(new BrokerAccount(n.path("broker").asText(), n.path("live").asBoolean()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    public void write(AccountFiles account) {
        try {
            Files.writeString(file(account), JSON.createObjectNode().put("broker", broker).put("live", live).toString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(account) + ": " + e.getMessage(), e);
        }
    }
}
