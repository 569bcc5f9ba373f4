package forklab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class FramesTest {
  private static final String KEY =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  private final Frames frames = new Frames(KEY);

  @Test
  void aFrameOpensToItsPayloadAtItsSequence() {
    String payload = "{\"type\":\"hello\",\"text\":\"grüße: a:b\\nc\"}";

    String line = frames.frame(7, payload);

    assertThat(line).startsWith("@@forklab:7:").doesNotContain("\n");
    assertThat(frames.open(line, 7)).contains(payload);
  }

  @Test
  void aFrameIsLaidOutAsPrefixSequenceHmacAndBase64Payload() {
    String line = frames.frame(3, "done");

    String[] parts = line.substring(Frames.PREFIX.length()).split(":");
    assertThat(parts).hasSize(3);
    assertThat(parts[0]).isEqualTo("3");
    assertThat(parts[1]).isEqualTo(hmac(KEY, 3, "ZG9uZQ==")).hasSize(64);
    assertThat(parts[2]).isEqualTo("ZG9uZQ==");
  }

  @Test
  void anEmptyPayloadRoundTrips() {
    assertThat(frames.open(frames.frame(0, ""), 0)).contains("");
  }

  @Test
  void aFreshKeyIs32RandomBytesInHex() {
    String key = Frames.newKey();

    assertThat(key).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(Frames.newKey()).isNotEqualTo(key);
    assertThat(new Frames(key).open(new Frames(key).frame(1, "x"), 1)).contains("x");
  }

  @Test
  void aFrameOpensFromAnEarlierPositionWithItsOwnSequence() {
    String line = frames.frame(9, "later");

    assertThat(frames.openFrom(line, 7)).contains(new Frames.Opened(9, "later"));
    assertThat(frames.openFrom(line, 9)).contains(new Frames.Opened(9, "later"));
    assertThat(frames.openFrom(line, 10)).as("a replay").isEmpty();
  }

  @Test
  void aLaterSequenceCannotBeClaimedWithoutTheKey() {
    String line = frames.frame(3, "x");
    String[] parts = line.substring(Frames.PREFIX.length()).split(":");

    assertThat(frames.openFrom(Frames.PREFIX + "4:" + parts[1] + ":" + parts[2], 0)).isEmpty();
    assertThat(frames.openFrom(new Frames(Frames.newKey()).frame(5, "x"), 0)).isEmpty();
    assertThat(frames.openFrom(Frames.PREFIX + "x:" + parts[1] + ":" + parts[2], 0)).isEmpty();
    assertThat(
            frames.openFrom(Frames.PREFIX + "99999999999999999999:" + parts[1] + ":" + parts[2], 0))
        .isEmpty();
    assertThat(frames.openFrom(Frames.PREFIX, 0)).isEmpty();
  }

  @Test
  void aFrameSignedWithAnotherKeyIsRefused() {
    String forged =
        new Frames(Frames.newKey()).frame(0, "{\"type\":\"finished\",\"status\":\"SUCCESSFUL\"}");

    assertThat(frames.open(forged, 0)).isEmpty();
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String line = frames.frame(0, "{\"status\":\"FAILED\"}");
    String body = line.substring(line.lastIndexOf(':') + 1);
    String otherBody =
        Base64.getEncoder()
            .encodeToString("{\"status\":\"PASSED\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(frames.open(line.replace(body, otherBody), 0)).isEmpty();
  }

  @Test
  void aTamperedSequenceIsRefused() {
    String line = frames.frame(4, "payload");
    String renumbered = line.replaceFirst("^@@forklab:4:", "@@forklab:5:");

    assertThat(frames.open(renumbered, 5)).isEmpty();
  }

  @Test
  void aTamperedSignatureIsRefused() {
    String line = frames.frame(0, "payload");
    String[] parts = line.substring(Frames.PREFIX.length()).split(":");
    char first = parts[1].charAt(0);
    String flipped = (first == '0' ? '1' : '0') + parts[1].substring(1);

    assertThat(frames.open(Frames.PREFIX + "0:" + flipped + ":" + parts[2], 0)).isEmpty();
    assertThat(frames.open(Frames.PREFIX + "0:" + parts[1].toUpperCase() + ":" + parts[2], 0))
        .isEmpty();
  }

  @Test
  void aGenuineFrameReplayedAtAnotherSequenceIsRefused() {
    String first = frames.frame(0, "{\"type\":\"finished\",\"status\":\"SUCCESSFUL\"}");

    assertThat(frames.open(first, 0)).isPresent();
    assertThat(frames.open(first, 1)).isEmpty();
    assertThat(frames.open(frames.frame(2, "later"), 1)).isEmpty();
  }

  @Test
  void ordinaryLinesAreRefused() {
    assertThat(frames.open("", 0)).isEmpty();
    assertThat(frames.open("hello from the submission", 0)).isEmpty();
    assertThat(frames.open("@@forklab:", 0)).isEmpty();
    assertThat(frames.open("@@forklab:0", 0)).isEmpty();
    assertThat(frames.open("@@forklab:0:abc", 0)).isEmpty();
    assertThat(frames.open(" " + frames.frame(0, "x"), 0)).isEmpty();
    assertThat(frames.open("@@forklab:x:" + hmac(KEY, 0, "eA==") + ":eA==", 0)).isEmpty();
  }

  @Test
  void aCorrectlySignedBodyThatIsNotBase64IsRefused() {
    String body = "not*base64!";

    assertThat(frames.open(Frames.PREFIX + "0:" + hmac(KEY, 0, body) + ":" + body, 0)).isEmpty();
  }

  @Test
  void aSignatureComputedIndependentlyIsAccepted() {
    String body =
        Base64.getEncoder().encodeToString("independent".getBytes(StandardCharsets.UTF_8));

    assertThat(frames.open(Frames.PREFIX + "9:" + hmac(KEY, 9, body) + ":" + body, 9))
        .contains("independent");
  }

  /** HMAC-SHA256 over {@code sequence:body}, as the frame format documents it. */
  private static String hmac(String hexKey, long sequence, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((sequence + ":" + body).getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
