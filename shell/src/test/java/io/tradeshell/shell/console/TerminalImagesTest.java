package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.console.chart.TerminalImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart shown inside the terminal, in the image protocol JLine picked. */
class TerminalImagesTest {
    @TempDir Path dir;

    @Test
    void aPngGoesToTheTerminalAsAKittyImage() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("chart.png");
        ImageIO.write(image, "png", png.toFile());
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        // a terminal that says it is kitty, the way kitty says so: KITTY_WINDOW_ID in its environment
        java.io.PipedOutputStream keys = new java.io.PipedOutputStream();
        try (Terminal t = TerminalBuilder.builder().system(false).streams(new java.io.PipedInputStream(keys), screen)
                .type("xterm-256color").env(name -> name.equals("KITTY_WINDOW_ID") ? "1" : null).build()) {
            assertThat(TerminalImages.supported(t)).isTrue();
            // kitty's graphics protocol: an APC sequence ESC _ G <keys> ; <base64 PNG> ESC \
            String drawn = TerminalImages.encode(t, png);
            assertThat(drawn).startsWith("\u001b_G").contains("f=100").contains("w=40").endsWith("\u001b\\");
            String base64 = drawn.substring(drawn.indexOf(';') + 1, drawn.length() - 2);
            assertThat(java.util.Base64.getDecoder().decode(base64)).isEqualTo(java.nio.file.Files.readAllBytes(png));
        }
    }
}
