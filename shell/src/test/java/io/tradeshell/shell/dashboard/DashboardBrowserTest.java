package io.tradeshell.shell.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.dashboard.Dashboard;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.shell.app.trading.Dashboards;
import io.tradeshell.shell.app.trading.PaperSessions;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * The dashboard in a real headless browser (Debian's chromium and chromedriver): a paper
 * session's page fills in as the session runs, and its pause button pauses it; a wrong token
 * or a URL with {@code ..} gets nothing. One browser for the class.
 */
class DashboardBrowserTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path CHROMIUM = Path.of("/usr/bin/chromium"), DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path tmp;
    static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("chromium and chromium-driver are not installed here (apt-get install -y chromium chromium-driver): browser tests skipped");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + tmp.resolve("chromium"), "--window-size=1300,1600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.quit();
    }

    private static int equityPoints() {
        String n = browser.findElement(By.id("equity-count")).getAttribute("data-count");
        return n == null ? 0 : Integer.parseInt(n);
    }

    /** What the browser shows: the page's text, or its own error page's. */
    private static String shown() {
        return browser.findElement(By.tagName("body")).getText();
    }

    @Test
    void aSessionPageShowsEquityGrowingAndItsPauseButtonPausesTheSession() throws Exception {
        System.setProperty("tradeshell.home", ROOT.toString());
        RunService service = new RunService();
        Path home = tmp.resolve("home");
        PaperSessions sessions = new PaperSessions(service, new PaperHome(home));
        RunOptions options = new RunOptions();
        // orders active an hour after they are sent: the backtest-versus-live pane has trades that differ, by latency
        new CommandLine(options).parseArgs("--data", ROOT.resolve("data/aapl_daily_2013.csv").toString(), "--no-charts", "--latency-ms", "3600000");
        // 252 daily bars at about 50 ms each: long enough to watch, short enough for a test
        PaperSessions.Background session = sessions.start("watched", ROOT.resolve("strategies/sma_crossover.groovy"), options.settings(),
                Speed.parse("1700000x"), new PrintWriter(new StringWriter()), true);
        try (Dashboard dashboard = Dashboards.open(service, home, Optional.of(home.resolve("paper/watched")), 0)) {
            String base = "http://127.0.0.1:" + dashboard.port();
            browser.get(base + "/run?dir=home/paper/watched&token=" + dashboard.token().value());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(50));
            wait.until(d -> equityPoints() > 0);
            int first = equityPoints();
            wait.until(d -> equityPoints() > first);
            assertThat(equityPoints()).isGreaterThan(first);

            // the backtest-versus-live pane: the script's backtest beside the session, and each trade that differs with its cause
            new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(100))
                    .until(d -> d.findElement(By.id("parity-diffs")).getText().contains("latency"));
            assertThat(browser.findElement(By.id("parity-note")).getText()).containsPattern("(?i)\\d+ paper trades, \\d+ backtest trades so far; [1-9]\\d* differ");
            assertThat(browser.findElements(By.cssSelector("#parity-chart canvas"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#price canvas"))).as("the price chart is drawn").isNotEmpty();
            screenshot("session");

            wait.until(d -> d.findElement(By.cssSelector("#buttons button[data-do=pause]")).isDisplayed());
            browser.findElement(By.cssSelector("#buttons button[data-do=pause]")).click();
            wait.until(d -> {
                try {
                    d.switchTo().alert().accept(); // the page asks before it sends anything
                    return true;
                } catch (org.openqa.selenium.NoAlertPresentException e) {
                    return false;
                }
            });
            wait.until(d -> d.findElement(By.id("answer")).getText().contains("paused")); // the session's own answer
            assertThat(sessions.status("watched").tradingState()).isEqualTo("REDUCING");
            assertThat(Files.readString(home.resolve("paper/watched/journal.jsonl"))).containsIgnoringCase("pause");
        } finally {
            session.stop();
            session.await();
        }
    }

    /** Saves what the browser shows when {@code -Dtradeshell.screenshots=DIR} is given: for a developer to look at. */
    private static void screenshot(String name) throws java.io.IOException {
        String dir = System.getProperty("tradeshell.screenshots");
        if (dir == null) return;
        Files.createDirectories(Path.of(dir));
        Files.write(Path.of(dir, name + ".png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    @Test
    void aSweepPageFillsInItsHeatmapAndProgressWhileOptimizeRuns() throws Exception {
        System.setProperty("tradeshell.home", ROOT.toString());
        Path out = tmp.resolve("runs/sma-sweep");
        String[] sweep = {"optimize", ROOT.resolve("strategies/sma_crossover.groovy").toString(), "-p", "fast=1..50:1", "-p", "slow=20..200:5",
                "--data", ROOT.resolve("data/aapl_daily_2013.csv").toString(), "--threads", "1", "--no-charts"};
        // A whole sweep can finish before a page first looks, so the page is shown an interrupted one (its first
        // 600 of 1,850 lines, as a stopped sweep leaves them) and `optimize --resume` fills in the rest while it watches.
        Path whole = tmp.resolve("sweep-whole");
        assertThat(optimize(concat(sweep, "--out", whole.toString()))).isZero();
        java.util.List<String> lines = Files.readAllLines(whole.resolve("optimize.jsonl"));
        assertThat(lines).hasSize(1850);
        Files.createDirectories(tmp.resolve("home3/paper"));
        try (Dashboard dashboard = Dashboards.open(new RunService(), tmp.resolve("home3"), Optional.of(out), 0)) {
            // the page is open before the sweep's folder is there: it asks again until it is, then fills in
            browser.get("http://127.0.0.1:" + dashboard.port() + "/sweep?dir=run&token=" + dashboard.token().value());
            Files.createDirectories(out);
            Files.copy(whole.resolve("sweep.json"), out.resolve("sweep.json"));
            Files.write(out.resolve("optimize.jsonl"), lines.subList(0, 600));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(240), Duration.ofMillis(50));
            wait.until(d -> done() == 600);
            assertThat(browser.findElement(By.id("progress-text")).getText()).isEqualTo("600 of 1850 combinations");

            int[] exit = {-1};
            Thread optimize = new Thread(() -> exit[0] = optimize(concat(sweep, "--out", out.toString(), "--resume")));
            optimize.start();
            try {
                wait.until(d -> done() == 1850);
                assertThat(browser.findElement(By.id("progress-text")).getText()).isEqualTo("1850 of 1850 combinations, done");
                assertThat(browser.findElement(By.id("heatmap")).isDisplayed()).as("two swept params: a heatmap").isTrue();
                assertThat(browser.findElement(By.id("chart-title")).getText()).isEqualToIgnoringCase("sharpe over fast × slow");
                assertThat(browser.findElements(By.cssSelector("#best tr"))).hasSize(11); // the ten best and a heading
                screenshot("sweep");
            } finally {
                optimize.join(240_000);
            }
            assertThat(exit[0]).isZero();
            assertThat(Files.readAllLines(out.resolve("optimize.jsonl"))).as("the resumed sweep is the whole one").isEqualTo(lines);
        }
    }

    private static int optimize(String[] args) {
        return io.tradeshell.shell.Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static int done() {
        String n = browser.findElement(By.id("progress-text")).getAttribute("data-done");
        return n == null ? 0 : Integer.parseInt(n);
    }

    @Test
    void aWrongTokenOrAUrlWithDotDotGetsNothing() throws Exception {
        Path home = tmp.resolve("home2");
        Files.createDirectories(home.resolve("paper"));
        Files.writeString(tmp.resolve("secret.txt"), "the secret");
        try (Dashboard dashboard = Dashboards.open(new RunService(), home, Optional.empty(), 0)) {
            String base = "http://127.0.0.1:" + dashboard.port();
            browser.manage().deleteAllCookies();
            browser.get(base + "/?token=" + "f".repeat(48));
            assertThat(shown()).doesNotContain("TradeShell").doesNotContain("Paper accounts");
            browser.get(base + "/api/index?token=wrong");
            assertThat(shown()).doesNotContain("entries").contains("403");

            String token = "&token=" + dashboard.token().value();
            browser.get(base + "/api/file?dir=home/..&name=secret.txt" + token);
            assertThat(shown()).doesNotContain("the secret");
            browser.get(base + "/api/file?dir=home/%2e%2e/%2e%2e&name=secret.txt" + token);
            assertThat(shown()).doesNotContain("the secret");
            browser.get(base + "/assets/%2e%2e/%2e%2e/%2e%2e/secret.txt?x" + token);
            assertThat(shown()).doesNotContain("the secret");

            browser.get(base + "/?all" + token); // and with the right token, the page is there
            String title = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("h1")).getText());
            assertThat(title).isEqualTo("TradeShell");
        }
    }
}
