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
        try {
            return TerminalGraphicsManager.isGraphicsSupported(terminal);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Shows the image at most the terminal's width wide. */
    public static void show(Terminal terminal, Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) throw new IOException("not an image: " + png);
        TerminalGraphics.ImageOptions options = new TerminalGraphics.ImageOptions().preserveAspectRatio(true).inline(true)
                .width(Math.min(image.getWidth(), Math.max(200, terminal.getWidth() * 8)));
        TerminalGraphicsManager.displayImage(terminal, image, options);
        terminal.writer().println();
        terminal.flush();
    }
}
