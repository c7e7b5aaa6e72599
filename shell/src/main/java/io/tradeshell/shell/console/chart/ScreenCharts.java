package io.tradeshell.shell.console.chart;

import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStringBuilder;

/**
 * Charts on the console's screen: the PNG goes to the chart's own folder or the console's
 * charts folder, its path is printed, and the chart shows inline in terminals that display
 * images, in a window when asked, and as text elsewhere.
 */
public final class ScreenCharts implements ChartDisplay {
    private static final int TEXT_HEIGHT = 16;
    private final Output out;
    private final Path chartDir;
    private final String sessionStamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private int drawn;

    public ScreenCharts(Output out, Path chartDir) {
        this.out = out;
        this.chartDir = chartDir;
    }

    @Override
    public Path show(Figure figure, Mode mode) throws IOException {
        Path file = figure.home().orElseGet(() -> chartDir.resolve(sessionStamp + "-" + figure.name()
                + (figure.lasting() ? "" : "-" + (++drawn)) + ".png"));
        if (!figure.lasting() || !Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            figure.writePng(file);
        }
        out.println(new AttributedStringBuilder().append(figure.caption(), Styles.DIM).append("  ")
                .append(ProjectHome.display(file)).toAttributedString());
        Terminal terminal = out.terminal().orElse(null);
        if (mode == Mode.WINDOW) {
            if (!Windows.available()) throw new IllegalStateException("no display for a window here; the chart is in " + ProjectHome.display(file));
            Windows.open(file);
            return file;
        }
        if (mode != Mode.TEXT && terminal != null && TerminalImages.supported(terminal)) {
            TerminalImages.show(terminal, file);
            return file;
        }
        int width = Math.max(40, Math.min(out.width() - 2, 120));
        Optional<String> text = figure.text(width, TEXT_HEIGHT);
        if (text.isPresent()) out.println(text.get());
        else if (mode == Mode.TEXT) out.println("  (this chart has no text form; the PNG above holds it)", Styles.DIM);
        return file;
    }
}
