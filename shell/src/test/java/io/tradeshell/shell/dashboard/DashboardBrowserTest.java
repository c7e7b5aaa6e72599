package io.tradeshell.shell.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.dashboard.Dashboard;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.shell.runs.Dashboards;
import io.tradeshell.shell.runs.PaperSessions;
import io.tradeshell.shell.runs.RunOptions;
import io.tradeshell.shell.runs.RunService;
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
        new CommandLine(options).parseArgs("--data", ROOT.resolve("data/aapl_daily_2013.csv").toString(), "--no-charts");
        // 252 daily bars at about 50 ms each: long enough to watch, short enough for a test
        PaperSessions.Background session = sessions.start("watched", ROOT.resolve("strategies/sma_crossover.groovy"), options,
                Speed.parse("1700000x"), new PrintWriter(new StringWriter()), true);
        try (Dashboard dashboard = Dashboards.open(service, home, Optional.of(home.resolve("paper/watched")), 0)) {
            String base = "http://127.0.0.1:" + dashboard.port();
            browser.get(base + "/run?dir=home/paper/watched&token=" + dashboard.token().value());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(50));
            wait.until(d -> equityPoints() > 0);
            int first = equityPoints();
            wait.until(d -> equityPoints() > first);
            assertThat(equityPoints()).isGreaterThan(first);

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
