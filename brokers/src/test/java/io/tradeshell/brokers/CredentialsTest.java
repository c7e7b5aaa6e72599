package io.tradeshell.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @Test
    void missingCredentialsNameWhatToSet() {
        Credentials c = Credentials.from(Map.of("APCA_API_KEY_ID", "PKX"), Optional.empty());
        assertThatThrownBy(() -> c.require("Alpaca", "APCA_API_KEY_ID", "APCA_API_SECRET_KEY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Alpaca needs APCA_API_SECRET_KEY: set it in the environment or in a credentials file (--credentials FILE, readable by you alone)");
    }

    @Test
    void aCredentialsFileOthersCanReadIsRefusedAndAPrivateOneIsReadUnderTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alpaca.env");
        Files.writeString(file, "APCA_API_KEY_ID=PKFILE\nAPCA_API_SECRET_KEY=secret-from-file\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> Credentials.from(Map.of(), Optional.of(file))).hasMessageContaining("can be read by others; make it private with 'chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Credentials c = Credentials.from(Map.of("APCA_API_KEY_ID", "PKENV"), Optional.of(file));
        assertThat(c.require("Alpaca", "APCA_API_KEY_ID", "APCA_API_SECRET_KEY")).containsExactly("PKENV", "secret-from-file");
        assertThat(c.toString()).doesNotContain("secret-from-file").doesNotContain("PKENV");
    }

    @Test
    void secretsAreScrubbedFromAnyText() {
        assertThat(Secrets.of("PKENV123", "abcdef-secret").scrub("401 for key PKENV123 / abcdef-secret")).isEqualTo("401 for key *** / ***");
    }
}
