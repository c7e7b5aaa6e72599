package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mistakes are reported on the line the author must fix, with a hint that is a different, existing word. */
class ScriptErrorPlacesTest {
    private static void compile(String source) {
        new StrategyCompiler().compile("s.groovy", "s.groovy", source);
    }

    @Test
    void aMissingCloseParenIsReportedWhereTheParenWasOpened() {
        assertThatThrownBy(() -> compile("params fast: 10\ndef f = sma(close, fast\n\nbuyWhen over(close, f)\nsellWhen under(close, f)\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessage("s.groovy:2: missing ')': the '(' on this line is never closed");
    }

    @Test
    void bracketsInStringsAndCommentsDoNotCount() {
        assertThatThrownBy(() -> compile("title 'a (b'\n// (\ndef f = sma(close,\n   10\nbuyWhen over(close, f) /* ( */\n"))
                .hasMessage("s.groovy:3: missing ')': the '(' on this line is never closed");
    }

    @Test
    void barTimeIsAMethodAndTheHintSaysSoInsteadOfRepeatingTheWord() {
        assertThatThrownBy(() -> compile("onBar {\n  def t = bar.time\n}\n"))
                .hasMessage("s.groovy:2: unknown name 'time' on Bar ('time' is a method of Bar: write time())");
    }

    @Test
    void aMisspelledMemberOfABarSuggestsTheBarsOwnMembers() {
        assertThatThrownBy(() -> compile("onBar {\n  def t = bar.closeTim\n}\n"))
                .hasMessage("s.groovy:2: unknown name 'closeTim' on Bar (did you mean 'closeTime'?)");
    }
}
