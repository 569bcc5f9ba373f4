package forklab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NeutraliserTest {

  @Test
  void knowsExactlyTheBidirectionalControls() {
    assertThat(
            java.util.stream.IntStream.rangeClosed(0, 0xFFFF)
                .filter(Neutraliser::isBidiControl)
                .toArray())
        .containsExactly(
            0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
            0x2069);
  }

  @Test
  void cleanTextShowsBidirectionalControlsInsteadOfObeyingThem() {
    assertThat(Text.clean("user\u202Egnp.exe\u202C \u2067x\u2069 \u200F \u061C"))
        .isEqualTo("user<U+202E>gnp.exe<U+202C> <U+2067>x<U+2069> <U+200F> <U+061C>");
  }

  @Test
  void escapesWhatCouldStartABlockOrAReference() {
    assertThat(Neutraliser.markdownLineStart("1. not a list")).isEqualTo("1\\. not a list");
    assertThat(Neutraliser.markdownLineStart("- not a bullet")).isEqualTo("\\- not a bullet");
    assertThat(Neutraliser.markdownInline("0.1.0")).isEqualTo("0.1.0");
    assertThat(Neutraliser.markdownInline("# [x](y) *a* _b_ `c` $d$ ~e~ !f &g"))
        .isEqualTo("\\# \\[x\\](y) \\*a\\* \\_b\\_ \\`c\\` \\$d\\$ \\~e\\~ \\!f \\&g");
  }

  @Test
  void putsMentionsAndDoubleBracketsInCodeSpansButLeavesEmailAddressesEscaped() {
    assertThat(
            Neutraliser.markdownInline(
                "@all @here, @group/sub-team. a@b.c [[ATTACHMENT|x]] [[[y]]]"))
        .isEqualTo("`@all` `@here`, `@group/sub-team.` a\\@b.c `[[`ATTACHMENT\\|x`]]` `[[[`y`]]]`");
  }

  @Test
  void aLineNeverStartsWithASlashEvenAfterSpacesOrInvisibleCharacters() {
    assertThat(Neutraliser.markdownLineStart("/approve")).isEqualTo("\\/approve");
    assertThat(
            Neutraliser.withoutQuickActions(
                "ok\n/merge\n   /close\n\t\u200B/unassign\nnot /this\n"))
        .isEqualTo("ok\n\\/merge\n   \\/close\n\t\u200B\\/unassign\nnot /this\n");
  }

  @Test
  void aCodeBlockHasAFenceItsContentCannotCloseAndNoQuickActions() {
    assertThat(Neutraliser.codeBlock("text", "```\n/approve\n```"))
        .isEqualTo("````text\n```\n\\/approve\n```\n````\n");
  }

  @Test
  void usesAFenceLongerThanAnyRunOfBackticks() {
    assertThat(Neutraliser.fence("plain")).isEqualTo("```");
    assertThat(Neutraliser.fence("a ```` b ``")).isEqualTo("`````");
  }
}
