package io.tradeshell.shell.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.dashboard.Dashboard;
import io.tradeshell.dashboard.Folders;
import io.tradeshell.dashboard.Replays;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.shell.app.trading.Dashboards;
import io.tradeshell.shell.app.trading.PaperSessions;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * The dashboard in a real headless browser (Debian's chromium and chromedriver): a paper
 * session's page fills in as the session runs, and its buttons pause, resume, flatten and kill
 * it, each after asking; the index lists and links what the folders hold; a sweep's page fills
 * in; a wrong token or a URL with {@code ..} gets nothing. One browser for the class.
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
        RunService service = new RunService();
        Path home = tmp.resolve("home");
        PaperSessions sessions = new PaperSessions(service, new PaperHome(home));
        // orders active an hour after they are sent: the backtest-versus-live pane has trades that differ, by latency;
        // 252 daily bars at about 50 ms each: long enough to watch, short enough for a test
        PaperSessions.Background session = start(sessions, "watched", ROOT.resolve("strategies/sma_crossover.groovy"), "1700000x", "--latency-ms", "3600000");
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
            assertNoSidewaysScrolling();
            screenshot("session");

            wait.until(d -> d.findElement(By.cssSelector("#buttons button[data-do=pause]")).isDisplayed());
            press("pause", true);
            wait.until(d -> d.findElement(By.id("answer")).getText().contains("paused")); // the session's own answer
            assertThat(sessions.status("watched").tradingState()).isEqualTo("REDUCING");
            assertThat(Files.readString(home.resolve("paper/watched/journal.jsonl"))).containsIgnoringCase("pause");
        } finally {
            session.stop();
            session.await();
        }
    }

    @Test
    void resumeFlattenAndKillEachAskFirstSendNothingWhenDeclinedAndTheSessionShowsTheirEffect() throws Exception {
        RunService service = new RunService();
        Path home = tmp.resolve("home4"), script = tmp.resolve("held.groovy");
        Files.writeString(script, "title 'held'\nonBar { if (index == 1) buy(10) }\n"); // a position to flatten, bought once
        PaperSessions sessions = new PaperSessions(service, new PaperHome(home));
        // a daily bar a second: the session runs for minutes, however long the test takes, until the kill halts it
        PaperSessions.Background session = start(sessions, "operated", script, "86400x");
        try (Dashboard dashboard = Dashboards.open(service, home, Optional.of(home.resolve("paper/operated")), 0)) {
            browser.get("http://127.0.0.1:" + dashboard.port() + "/run?dir=home/paper/operated&token=" + dashboard.token().value());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100));
            wait.until(d -> !sessions.positions("operated").isEmpty());
            wait.until(d -> !d.findElements(By.cssSelector("#positions td")).isEmpty()); // the page shows the position too

            press("pause", true);
            wait.until(d -> answer().contains("trading paused"));
            press("resume", false);
            assertThat(answer()).as("declined: the last answer stands").contains("trading paused");
            assertThat(sessions.status("operated").tradingState()).isEqualTo("REDUCING");
            press("resume", true);
            wait.until(d -> answer().equals("trading resumed"));
            assertThat(sessions.status("operated").tradingState()).isEqualTo("ACTIVE");
            wait.until(d -> d.findElement(By.id("state")).getText().equals("ACTIVE"));

            press("flatten", false);
            assertThat(answer()).isEqualTo("trading resumed");
            press("flatten", true);
            wait.until(d -> answer().startsWith("flattening: "));
            wait.until(d -> sessions.positions("operated").isEmpty()); // the closing order fills at the next bar
            wait.until(d -> d.findElements(By.cssSelector("#positions td")).isEmpty());
            assertThat(sessions.status("operated").tradingState()).as("trading goes on after a flatten").isEqualTo("ACTIVE");
            // the backtest never closes its position: the session's trade differs, and the pane names the operator as the cause
            new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(200))
                    .until(d -> d.findElement(By.id("parity-diffs")).getText().contains("operator flatten"));
            assertThat(browser.findElement(By.id("parity-diffs")).getText()).doesNotContain("unexplained");

            press("kill", false);
            assertThat(answer()).startsWith("flattening: ");
            press("kill", true);
            wait.until(d -> answer().startsWith("kill switch: trading halted"));
            assertThat(sessions.status("operated").tradingState()).isEqualTo("HALTED");
            wait.until(d -> d.findElement(By.id("state")).getText().equals("HALTED"));
            assertNoSidewaysScrolling();
            screenshot("operated");

            // what the session carried out, as its journal has it: each command once, none of the declined ones
            Matcher m = Pattern.compile("\"command\":\"(\\w+)\"").matcher(Files.readString(home.resolve("paper/operated/journal.jsonl")));
            List<String> commands = new ArrayList<>();
            while (m.find()) commands.add(m.group(1));
            assertThat(commands).containsExactly("pause", "resume", "flatten", "kill");
        } finally {
            session.stop();
            session.await();
        }
    }

    private static String answer() {
        return browser.findElement(By.id("answer")).getText();
    }

    @Test
    void theIndexListsTheRunsPaperAccountsAndSweepsUnderTheHomeAndRunsFolderWithWorkingLinks() throws Exception {
        Path home = tmp.resolve("home5"), runs = tmp.resolve("runs5");
        String sma = ROOT.resolve("strategies/sma_crossover.groovy").toString(), data = ROOT.resolve("data/aapl_daily_2013.csv").toString();
        PaperSessions.Background finished = start(new PaperSessions(new RunService(), new PaperHome(home)), "listed", Path.of(sma), "max");
        finished.await();
        assertThat(tradeshell("run", sma, "--data", data, "--no-charts", "--out", runs.resolve("sma").toString())).isZero();
        // parity's runs lie a level deeper: runs/FOLDER/RUN
        assertThat(tradeshell("run", sma, "--data", data, "--no-charts", "--param", "fast=5", "--out", runs.resolve("study/fast5").toString())).isZero();
        assertThat(tradeshell("optimize", sma, "-p", "fast=5..15:5", "-p", "slow=20..40:10", "--data", data, "--threads", "1", "--no-charts",
                "--out", runs.resolve("sma-sweep").toString())).isZero();
        Folders folders = new Folders().root("home", home).root("runs", runs);
        try (Dashboard dashboard = Dashboard.start(new Dashboard.Settings(folders, 0, Optional.empty(), Replays.NONE))) {
            String index = "http://127.0.0.1:" + dashboard.port() + "/?token=" + dashboard.token().value();
            browser.get(index);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(50));
            wait.until(d -> !d.findElements(By.cssSelector("#sweep a")).isEmpty());
            assertThat(links("paper")).containsExactly("listed");
            assertThat(browser.findElement(By.id("paper")).getText()).contains("sma_crossover").contains("finished");
            assertThat(links("run")).containsExactlyInAnyOrder("sma", "fast5");
            assertThat(links("sweep")).containsExactly("sma-sweep");
            assertThat(browser.findElement(By.id("sweep")).getText()).contains("9"); // three fast by three slow
            assertNoSidewaysScrolling();
            screenshot("index");

            open(index, "paper", "listed");
            wait.until(d -> equityPoints() == lines(home.resolve("paper/listed/equity.jsonl"))); // the finished session's whole year
            assertThat(browser.findElement(By.id("title")).getText()).endsWith("listed");
            open(index, "run", "fast5");
            wait.until(d -> equityPoints() == lines(runs.resolve("study/fast5/equity.jsonl")));
            assertThat(browser.getCurrentUrl()).contains("dir=runs%2Fstudy%2Ffast5");
            open(index, "sweep", "sma-sweep");
            wait.until(d -> done() == 9);
            assertThat(browser.findElement(By.id("progress-text")).getText()).isEqualTo("9 of 9 combinations, done");
        }
    }

    private static int lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names the index lists under one heading, each a link. */
    private static List<String> links(String section) {
        return browser.findElements(By.cssSelector("#" + section + " a")).stream().map(WebElement::getText).toList();
    }

    /** Follows the index's link to {@code name}, from a fresh index. */
    private static void open(String index, String section, String name) {
        browser.get(index);
        new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(50)).until(d -> links(section).contains(name));
        browser.findElement(By.cssSelector("#" + section)).findElement(By.linkText(name)).click();
    }

    /** The page fits the window's width: nothing is pushed past its right edge. */
    private static void assertNoSidewaysScrolling() {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("pixels wider than the window").isLessThanOrEqualTo(0);
    }

    /** A paper session in the background over a year of daily bars, at {@code speed}, with {@code more} run options. */
    private static PaperSessions.Background start(PaperSessions sessions, String name, Path script, String speed, String... more) {
        System.setProperty("tradeshell.home", ROOT.toString());
        RunOptions options = new RunOptions();
        new CommandLine(options).parseArgs(concat(new String[] {"--data", ROOT.resolve("data/aapl_daily_2013.csv").toString(), "--no-charts"}, more));
        return sessions.start(name, script, options.settings(), Speed.parse(speed), new PrintWriter(new StringWriter()), true);
    }

    /** Presses an operator button and answers the page's question: the page asks before it sends anything. */
    private static void press(String command, boolean confirm) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(50));
        wait.until(d -> d.findElement(By.cssSelector("#buttons button[data-do=" + command + "]")).isDisplayed());
        browser.findElement(By.cssSelector("#buttons button[data-do=" + command + "]")).click();
        Alert question = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).startsWith(command + " paper session ");
        if (confirm) question.accept();
        else question.dismiss();
    }

    /** Saves what the browser shows when {@code -Dtradeshell.screenshots=DIR} is given: for a developer to look at. */
    private static void screenshot(String name) throws IOException {
        String dir = System.getProperty("tradeshell.screenshots");
        if (dir == null) return;
        Files.createDirectories(Path.of(dir));
        Files.write(Path.of(dir, name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
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
        assertThat(tradeshell(concat(sweep, "--out", whole.toString()))).isZero();
        List<String> lines = Files.readAllLines(whole.resolve("optimize.jsonl"));
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
            Thread optimize = new Thread(() -> exit[0] = tradeshell(concat(sweep, "--out", out.toString(), "--resume")));
            optimize.start();
            try {
                wait.until(d -> done() == 1850);
                assertThat(browser.findElement(By.id("progress-text")).getText()).isEqualTo("1850 of 1850 combinations, done");
                assertThat(browser.findElement(By.id("heatmap")).isDisplayed()).as("two swept params: a heatmap").isTrue();
                assertThat(browser.findElement(By.id("chart-title")).getText()).isEqualToIgnoringCase("sharpe over fast × slow");
                assertThat(browser.findElements(By.cssSelector("#best tr"))).hasSize(11); // the ten best and a heading
                assertNoSidewaysScrolling();
                screenshot("sweep");
            } finally {
                optimize.join(240_000);
            }
            assertThat(exit[0]).isZero();
            assertThat(Files.readAllLines(out.resolve("optimize.jsonl"))).as("the resumed sweep is the whole one").isEqualTo(lines);
        }
    }

    private static int tradeshell(String... args) {
        return io.tradeshell.shell.Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
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
