package forklab.runner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed result frames: {@code @@forklab:<sequence>:<hmac>:<base64 payload>} on a line of its own.
 *
 * <p>The HMAC covers the sequence number and the payload, so a frame can be neither forged without
 * the key nor replayed out of order.
 */
public final class Frames {
  public static final String PREFIX = "@@forklab:";
  private final Mac mac;

  public Frames(String hexKey) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** A fresh random key in hex. */
  public static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return HexFormat.of().formatHex(key);
  }

  /** The frame line (without line terminator) for {@code payload} at position {@code sequence}. */
  public synchronized String frame(long sequence, String payload) {
    String body = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return PREFIX + sequence + ":" + sign(sequence, body) + ":" + body;
  }

  /**
   * The payload of {@code line} if it is a genuine frame at position {@code expectedSequence}, and
   * empty for anything else (ordinary output, forgeries, replays).
   */
  public synchronized Optional<String> open(String line, long expectedSequence) {
    if (!line.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = line.substring(PREFIX.length()).split(":", 3);
    if (parts.length != 3 || !parts[0].equals(Long.toString(expectedSequence))) {
      return Optional.empty();
    }
    byte[] expected = sign(expectedSequence, parts[2]).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      return Optional.of(new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  /** A genuine frame: its position and its payload. */
  public record Opened(long sequence, String payload) {}

  /**
   * The position and payload of {@code line} if it is a genuine frame at position {@code first} or
   * later, and empty for anything else. A later position means the frames in between did not arrive
   * intact; only the key can sign one, so the gap cannot be forged. An earlier position is a replay
   * and refused.
   */
  public synchronized Optional<Opened> openFrom(String line, long first) {
    if (!line.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int colon = line.indexOf(':', PREFIX.length());
    if (colon < 0 || colon - PREFIX.length() > 19) {
      return Optional.empty();
    }
    long sequence;
    try {
      sequence = Long.parseLong(line, PREFIX.length(), colon, 10);
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
    return sequence < first
        ? Optional.empty()
        : open(line, sequence).map(payload -> new Opened(sequence, payload));
  }

  private String sign(long sequence, String body) {
    mac.update((sequence + ":").getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
  }
}
