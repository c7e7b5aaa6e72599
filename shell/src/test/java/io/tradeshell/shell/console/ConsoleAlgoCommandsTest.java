package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.shell.Main;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.console.chart.ReportCharts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paper algo} and {@code paper cancel-algo} from the interactive console, on a session
 * running in its background: the parent order goes through the account's command inbox, is
 * worked by the session's desk (its first slice at once, the next ones on schedule, children
 * tagged operatorAlgo), is cancelled with its working children, and a resume replays both
 * commands where they happened; TAB offers the words.
 */
class ConsoleAlgoCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY = Duration.ofDays(1).toMillis();
    @TempDir Path home;
    private ConsoleDriver console;

    @BeforeEach
    void start() throws Exception {
        SampleData.useRepository();
        console = new ConsoleDriver(home, new ReportCharts());
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
    }

    private List<String> complete(String line) {
        return console.complete(line);
    }

    private static List<JsonNode> lines(Path journal, String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(journal)) {
            JsonNode n = JSON.readTree(l);
            if (n.path("type").asText().equals(type)) out.add(n);
        }
        return out;
    }

    @Test
    void anOperatorStartsAndCancelsATwapInARunningSessionAndAResumeReplaysBoth() throws Exception {
        Path account = home.resolve("paper/demo"), journal = account.resolve("journal.jsonl");
        // a daily bar a second: the session runs for minutes unless stopped
        assertThat(console.type("paper start demo sma_crossover --speed 86400x --no-charts")).contains("paper demo started in the background");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(account.resolve("status.json")) && JSON.readTree(account.resolve("status.json").toFile()).path("feed").path("position").asInt() >= 2)) {
            assertThat(System.nanoTime()).as("the session is under way").isLessThan(deadline);
            Thread.sleep(50);
        }

        assertThat(complete("paper ")).contains("algo", "algos", "cancel-algo");
        assertThat(complete("paper algo ")).containsExactly("demo");
        assertThat(complete("paper algo demo ")).containsExactly("buy", "sell");
        assertThat(complete("paper algo demo buy 100 ")).containsExactly("AAPL");
        assertThat(complete("paper algo demo buy 100 AAPL ")).containsExactly("pov:0.1", "twap:30m:10", "vwap:1h:20");

        assertThat(console.type("paper algo demo buy 100 AAPL nope:1h")).contains("unknown execution algo 'nope'");
        assertThat(console.type("paper algo demo buy 100 MSFT twap:1h")).contains("paper account demo does not trade MSFT (it trades AAPL)");
        // ten slices of 10, one every 30 days: the first now, the rest long after this test has cancelled it
        String started = console.type("paper algo demo buy 100 AAPL twap:300d:10");
        assertThat(started).contains("algo #1 buy 100 AAPL twap:300d:10 (twap 300d x10) started; first child #");
        assertThat(complete("paper cancel-algo demo ")).containsExactly("1");
        assertThat(console.type("paper algos demo")).contains("#1  BUY 100 AAPL  twap 300d x10  WORKING  sent 10,");
        assertThat(console.type("paper cancel-algo demo 1")).contains("algo #1 cancelled, with its working children");
        assertThat(console.type("paper cancel-algo demo 1")).contains("algo #1 is not working (see 'paper algos demo')");
        assertThat(console.type("paper stop demo")).contains("stopping at feed position");
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(account.resolve("status.json")).contains("\"stopped\"")) {
            assertThat(System.nanoTime()).as("the session stopped").isLessThan(deadline);
            Thread.sleep(50);
        }

        List<JsonNode> commands = lines(journal, "Command");
        assertThat(commands).extracting(c -> c.path("command").asText()).containsExactly("algo", "cancel-algo", "cancel-algo", "stop");
        assertThat(commands.getFirst().path("symbol").asText() + " " + commands.getFirst().path("side").asText() + " "
                + commands.getFirst().path("qty").asDouble() + " " + commands.getFirst().path("algo").asText()).isEqualTo("AAPL BUY 100.0 twap:300d:10");
        List<JsonNode> steps = lines(journal, "ParentOrderUpdated");
        assertThat(steps.getFirst().path("step").asText()).isEqualTo("started");
        assertThat(steps.getLast().path("step").asText()).isEqualTo("cancelled: cancelled by the operator");
        assertThat(steps.getLast().path("status").asText()).isEqualTo("CANCELLED");
        // slice k is due 30 days after the decision times k; the session ran for a few bars only
        long decision = Instant.parse(steps.getFirst().path("decisionTime").asText()).toEpochMilli();
        List<JsonNode> children = lines(journal, "OrderSubmitted").stream().filter(o -> o.path("order").path("tag").asText().equals("operatorAlgo")).toList();
        assertThat(children).isNotEmpty();
        for (int k = 0; k < children.size(); k++) {
            JsonNode child = children.get(k).path("order");
            assertThat(child.path("qty").asDouble()).isEqualTo(10);
            assertThat(Instant.parse(child.path("time").asText()).toEpochMilli()).as("slice " + k).isGreaterThanOrEqualTo(decision + 30 * DAY * k);
        }
        assertThat(steps.getLast().path("sentQty").asDouble()).isEqualTo(10.0 * children.size());
        List<String> before = Files.readAllLines(journal);

        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"paper", "resume", "demo", "--home", home.toString(), "--speed", "max", "--no-charts", "--quiet"},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCode.OK);
        List<String> after = Files.readAllLines(journal);
        assertThat(after.subList(0, before.size())).as("the replay reproduced every line, the operator's algo and its cancel included").isEqualTo(before);
        assertThat(after.subList(before.size(), after.size())).as("nothing of the cancelled algo after the resume")
                .noneMatch(l -> l.contains("\"operatorAlgo\"") || l.contains("\"ParentOrderUpdated\""));
    }
}
