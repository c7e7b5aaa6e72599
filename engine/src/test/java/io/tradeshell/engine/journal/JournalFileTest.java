package io.tradeshell.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFileTest {
    @TempDir
    Path dir;

    private Path journal(String content) throws Exception {
        Path p = dir.resolve("journal.jsonl");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static final String A = "{\"type\":\"Equity\",\"pos\":1,\"equity\":100.0}";
    private static final String B = "{\"type\":\"Session\",\"pos\":1,\"event\":\"started\"}";

    @Test
    void completeLinesAreReadWithTheirTypeAndFeedPosition() throws Exception {
        var c = JournalFile.read(journal(A + "\n" + B + "\n"));
        assertThat(c.torn()).isEmpty();
        assertThat(c.entries()).hasSize(2);
        assertThat(c.entries().get(0).type()).isEqualTo("Equity");
        assertThat(c.entries().get(0).position()).isEqualTo(1);
        assertThat(c.entries().get(0).text()).isEqualTo(A);
        assertThat(c.entries().get(1).isSession()).isTrue();
        assertThat(c.entries().get(1).line()).isEqualTo(2);
    }

    @Test
    void aLastLineWithoutItsLineEndIsTornEvenIfItParses() throws Exception {
        var c = JournalFile.read(journal(A + "\n" + B));
        assertThat(c.entries()).hasSize(1);
        assertThat(c.torn()).hasValueSatisfying(t -> {
            assertThat(t.line()).isEqualTo(2);
            assertThat(t.offset()).isEqualTo(A.length() + 1);
            assertThat(t.text()).isEqualTo(B);
        });
        assertThat(c.tornError().kind()).isEqualTo(JournalException.Kind.TORN);
        assertThat(c.tornError()).hasMessageStartingWith("journal.jsonl line 2 is torn");
    }

    @Test
    void aLastLineThatIsNotJsonIsTorn() throws Exception {
        var c = JournalFile.read(journal(A + "\n{\"type\":\"Order\n"));
        assertThat(c.torn()).hasValueSatisfying(t -> assertThat(t.line()).isEqualTo(2));
    }

    @Test
    void aBadLineWithLinesAfterItIsDamageNotATear() throws Exception {
        Path p = journal(A + "\n\u0000\u0000\u0000\n" + B + "\n");
        assertThatThrownBy(() -> JournalFile.read(p)).isInstanceOf(JournalException.class)
                .hasMessageStartingWith("journal.jsonl line 2 is not a journal entry ('\\0\\0\\0')")
                .satisfies(e -> assertThat(((JournalException) e).kind()).isEqualTo(JournalException.Kind.DAMAGED));
        assertThatThrownBy(() -> JournalFile.read(journal(A + "\n\n" + B + "\n"))).hasMessageContaining("line 2 is not a journal entry");
        assertThatThrownBy(() -> JournalFile.read(journal("nonsense\n" + B))).hasMessageContaining("line 1 is not a journal entry");
    }

    @Test
    void droppingATornLineCutsTheFileRightAfterTheLastCompleteLine() throws Exception {
        Path p = journal(A + "\n" + B + "\n{\"type\":\"Ord");
        JournalFile.dropTornLine(JournalFile.read(p));
        assertThat(Files.readString(p)).isEqualTo(A + "\n" + B + "\n");
        assertThat(JournalFile.read(p).torn()).isEmpty();
    }

    @Test
    void linesLongerThanTheReadBufferAreWhole() throws Exception {
        String big = "{\"type\":\"Note\",\"pos\":7,\"message\":\"" + "x".repeat(200_000) + "\"}";
        var c = JournalFile.read(journal(A + "\n" + big + "\n" + B + "\n"));
        assertThat(c.entries()).hasSize(3);
        assertThat(c.entries().get(1).text()).isEqualTo(big);
        assertThat(c.entries().get(1).position()).isEqualTo(7);
    }

    @Test
    void aMissingJournalIsEmpty() {
        var c = JournalFile.read(dir.resolve("none.jsonl"));
        assertThat(c.entries()).isEmpty();
        assertThat(c.torn()).isEmpty();
    }
}
