package forklab.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapsTest {

  @Test
  void keepsAMessageThatFitsAsItIs() {
    String fits = "é".repeat(Caps.MAX_MESSAGE_BYTES / 2);

    assertThat(Caps.message(fits)).isSameAs(fits);
  }

  @Test
  void cutsAMegabyteMessageAtFourKibibytesAndSaysSo() {
    String message = Caps.message("x".repeat(1 << 20));

    assertThat(message).isEqualTo("x".repeat(4_096) + "\n[... cut]");
  }

  @Test
  void neverCutsInsideACharacterOrASurrogatePair() {
    // 4,095 ASCII bytes leave one byte: too few for the two-byte é and for the four-byte 🧵.
    assertThat(Caps.cut("a".repeat(4_095) + "é" + "tail", 4_096))
        .isEqualTo("a".repeat(4_095) + "\n[... cut]");
    assertThat(Caps.cut("a".repeat(4_093) + "\uD83E\uDDF5", 4_096))
        .isEqualTo("a".repeat(4_093) + "\n[... cut]");
  }

  @Test
  void keepsTwentyNotesAndCountsTheRest() {
    List<String> notes =
        Caps.notes(Collections.nCopies(15_000, "refused symbolic link x: submit real files"));

    assertThat(notes).hasSize(21);
    assertThat(notes.getFirst()).isEqualTo("refused symbolic link x: submit real files");
    assertThat(notes.getLast()).isEqualTo("... and 14,980 more like these");
  }

  @Test
  void keepsTwentyNotesWithoutACount() {
    assertThat(Caps.notes(Collections.nCopies(20, "note"))).hasSize(20).containsOnly("note");
  }
}
