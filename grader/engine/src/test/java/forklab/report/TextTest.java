package forklab.report;

import static org.assertj.core.api.Assertions.assertThat;

import forklab.api.Goal;
import forklab.course.GoalKind;
import forklab.score.CheckResult;
import forklab.score.Measurement;
import forklab.score.Verdict;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void showsControlCharactersInCaretNotationAndDropsAnsiColours() {
    assertThat(Text.clean("a\u0000b\u001Bc\u001B[1;31mred\u001B[0m\u0007"))
        .isEqualTo("a^@b^[cred^G");
  }

  @Test
  void normalisesLineBreaksAndKeepsTabs() {
    assertThat(Text.clean("a\r\nb\rc\td")).isEqualTo("a\nb\nc\td");
  }

  @Test
  void replacesWhatXmlCannotCarry() {
    assertThat(Text.clean("a\uD800b\uFFFEc\u0085d\u007F"))
        .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
    assertThat(Text.clean("emoji \uD83D\uDE00")).isEqualTo("emoji \uD83D\uDE00");
  }

  @Test
  void capsLongTextAndSaysHowMuchWasCut() {
    assertThat(Text.capped("x".repeat(12_345), 10))
        .isEqualTo("xxxxxxxxxx\n… 12,335 more characters not shown");
    assertThat(Text.capped("short", 10)).isEqualTo("short");
  }

  @Test
  void neverSplitsASurrogatePairWhenCapping() {
    assertThat(Text.capped("ab\uD83D\uDE00cd", 3)).startsWith("ab\n");
  }

  @Test
  void doesNotRepeatNotJudgedHereInTheReason() {
    CheckResult check =
        new CheckResult(
            "ex03-parallel-primes",
            "speeds up",
            GoalKind.of(Goal.SPEEDUP),
            true,
            0,
            3,
            Verdict.NOT_JUDGED,
            "Not judged here: only 1 CPU",
            "",
            null,
            Duration.ZERO);
    CheckResult silent =
        new CheckResult(
            "ex03-parallel-primes",
            "speeds up",
            GoalKind.of(Goal.SPEEDUP),
            true,
            0,
            3,
            Verdict.NOT_JUDGED,
            "",
            "",
            null,
            Duration.ZERO);

    assertThat(Text.notJudgedReason(check)).isEqualTo("only 1 CPU");
    assertThat(Text.notJudgedReason(silent)).isEqualTo("no reason given");
  }

  @Test
  void formatsNumbersWithoutNoise() {
    assertThat(Text.number(1.5123)).isEqualTo("1.512");
    assertThat(Text.number(100.0)).isEqualTo("100");
    assertThat(Text.number(Double.NaN)).isEqualTo("n/a");
    assertThat(Text.points(0.1 + 0.2, 10)).isEqualTo("0.3 / 10");
    assertThat(Text.seconds(Duration.ofMillis(1_250))).isEqualTo("1.250");
  }

  @Test
  void writesTheMeasurementWithItsLimitsInKeyOrder() {
    Measurement measurement =
        new Measurement(
            2.25,
            Measurement.Direction.AT_LEAST,
            3,
            "x",
            Map.of("upper limit", 5.0, "lower limit", 1.5),
            Map.of("threads", "4", "fraction of limit", "0.98"),
            Measurement.Series.NONE);

    // Text details never get a unit and stay out of the line.
    assertThat(Text.measurementLine(measurement))
        .isEqualTo("measured 2.25 x, required at least 3 x, lower limit 1.5 x, upper limit 5 x");
  }
}
