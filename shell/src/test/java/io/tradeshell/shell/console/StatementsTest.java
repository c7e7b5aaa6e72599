package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.console.session.Statements;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementsTest {
    @Test
    void openBracketsStringsAndCommentsKeepTheInputOpen() {
        assertThat(Statements.isOpen("for (i in 1..3) {")).isTrue();
        assertThat(Statements.isOpen("f(1,")).isTrue();
        assertThat(Statements.isOpen("x = [1, 2")).isTrue();
        assertThat(Statements.isOpen("s = '''first line")).isTrue();
        assertThat(Statements.isOpen("/* a note")).isTrue();
        assertThat(Statements.isOpen("for (i in 1..3) {\n  println i\n}")).isFalse();
        assertThat(Statements.isOpen("s = '{'")).isFalse();
        assertThat(Statements.isOpen("x = 1 // a comment with an open { brace")).isFalse();
        assertThat(Statements.isOpen("data load 'my file.csv'")).isFalse();
    }

    @Test
    void topLevelSemicolonsSplitStatements() {
        assertThat(Statements.split("a = 1; b = 2 ;c")).containsExactly("a = 1", "b = 2", "c");
        assertThat(Statements.split("s = 'x;y'; for (i in 1..2) { t += i; }")).containsExactly("s = 'x;y'", "for (i in 1..2) { t += i; }");
        assertThat(Statements.split(" ; ;")).isEmpty();
    }

    @Test
    void linesJoinIntoStatementsThatKnowWhereTheyStart() {
        List<Statements.Statement> s = Statements.fromLines(List.of("// note", "x = 1", "def f(a) {", "  a + 1", "}", "", "f(x); y = 2"));
        assertThat(s).extracting(Statements.Statement::text).containsExactly("x = 1", "def f(a) {\n  a + 1\n}", "f(x)", "y = 2");
        assertThat(s).extracting(Statements.Statement::line).containsExactly(2, 3, 7, 7);
    }

    @Test
    void aCommandWordUsedAsAVariableIsGroovy() {
        assertThat(CommandWords.isCommandLine("data load x.csv", "data")).isTrue();
        assertThat(CommandWords.isCommandLine("runs", "runs")).isTrue();
        assertThat(CommandWords.isCommandLine("data = load('x.csv')", "data")).isFalse();
        assertThat(CommandWords.isCommandLine("runs += 1", "runs")).isFalse();
        assertThat(CommandWords.isCommandLine("trades.size()", "trades")).isFalse();
        assertThat(CommandWords.split("data load 'my file.csv' as x")).containsExactly("data", "load", "my file.csv", "as", "x");
    }

    @Test
    void whatIsLeftOpenIsNamedWithItsLine() {
        assertThat(Statements.unclosed("x = max(1,\n\n")).contains("the '(' opened at line 1 is never closed");
        assertThat(Statements.unclosed("f(1)\ng([1,\n2]")).contains("the '(' opened at line 2 is never closed");
        assertThat(Statements.unclosed("s = '''text")).contains("the string opened at line 1 is never closed");
        assertThat(Statements.unclosed("f(1)")).isEmpty();
        assertThat(Statements.bracketOpen("f(1,")).isTrue();
        assertThat(Statements.bracketOpen("f('''x")).isFalse();
    }
}
