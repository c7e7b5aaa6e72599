package io.tradeshell.shell.console.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.TerminalGraphics;
import org.jline.terminal.impl.TerminalGraphicsManager;

/** Images inside the terminal, in the protocols JLine speaks (sixel, kitty, iTerm2), where the terminal has one. */
public final class TerminalImages {
    private TerminalImages() { }

    public static boolean supported(Terminal terminal) {
        return protocol(terminal).isPresent();
    }

    /**
     * Kitty and iTerm2 announce themselves in the environment, which is decided at once; the
     * other protocols are found by querying the terminal, whose answer may come too late, so
     * the named ones are tried first to make the choice the same every time.
     */
    static java.util.Optional<TerminalGraphics> protocol(Terminal terminal) {
        try {
            for (TerminalGraphics g : TerminalGraphicsManager.getAvailableProtocols()) {
                var p = g.getProtocol();
                if ((p == TerminalGraphics.Protocol.KITTY || p == TerminalGraphics.Protocol.ITERM2) && g.isSupported(terminal)) {
                    return java.util.Optional.of(g);
                }
            }
            return TerminalGraphicsManager.getBestProtocol(terminal);
        } catch (RuntimeException | LinkageError e) {
            return java.util.Optional.empty();
        }
    }

    /** Shows the image at most the terminal's width wide. */
    public static void show(Terminal terminal, Path png) throws IOException {
        terminal.writer().write(encode(terminal, png));
        terminal.writer().println();
        terminal.flush();
    }

    /** The escape sequence that draws the image in this terminal's protocol. */
    public static String encode(Terminal terminal, Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) throw new IOException("not an image: " + png);
        TerminalGraphics.ImageOptions options = new TerminalGraphics.ImageOptions().preserveAspectRatio(true).inline(true)
                .width(Math.min(image.getWidth(), Math.max(200, terminal.getWidth() * 8)));
        TerminalGraphics protocol = protocol(terminal).orElseThrow(() -> new IOException("this terminal shows no images"));
        return protocol.convertImage(image, options);
    }
}
