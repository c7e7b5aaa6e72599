package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help at the usual 80 columns breaks lines between words, so every path and example stays whole. */
class HelpWrappingTest {
    private static final Pattern PATH = Pattern.compile("[\\w.~/=-]+\\.(?:csv|json|groovy|md)\\b");

    @ParameterizedTest
    @ValueSource(strings = {"run", "optimize", "walkforward", "paper", "compare", "parity", "notebook", "report"})
    void pathsInHelpStayWholeAndLinesFitTheWidth(String command) {
        String help = run(command, "--help").out();

        List<String> paths = new ArrayList<>();
        // a line broken inside a path (after a dot or a slash) is joined back, as a reader would
        Matcher m = PATH.matcher(help.replaceAll("([./])\\n\\s*", "$1").replaceAll("\\s+", " "));
        while (m.find()) paths.add(m.group());
        assertThat(paths).as("the help names files").isNotEmpty();
        // each path read with the line breaks taken out must also be on one line as printed
        for (String path : paths) assertThat(help).as(path).contains(path);
        for (String line : help.split("\n")) {
            if (line.length() > 80) assertThat(line.strip()).as("only a word wider than the line may overflow").doesNotContain(" ");
        }
    }
}
