package forklab.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * The JSON form of {@link RunnerInput} and {@link RunnerEvent}: one compact line each, the records
 * bound as they are. Decoding is strict: an unknown type or property, a missing property or
 * trailing text is refused, never filled in.
 *
 * <p>Readers and writers are made per call, not held: each side uses only two of the four, and
 * building the others costs the check JVM's start-up about 0.1 s; the mapper caches what they find.
 */
public final class ProtocolCodec {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private ProtocolCodec() {}

  /** {@code event} as one line of JSON (no line terminator). */
  public static String encode(RunnerEvent event) {
    return write(JSON.writerFor(RunnerEvent.class), event);
  }

  /** {@code input} as one line of JSON (no line terminator). */
  public static String encode(RunnerInput input) {
    return write(JSON.writerFor(RunnerInput.class), input);
  }

  /** The event {@code json} holds; refuses anything that is not exactly one. */
  public static RunnerEvent decodeEvent(String json) throws ProtocolException {
    return read(JSON.readerFor(RunnerEvent.class), json);
  }

  /** The input {@code json} holds; refuses anything that is not exactly one. */
  public static RunnerInput decodeInput(String json) throws ProtocolException {
    return read(JSON.readerFor(RunnerInput.class), json);
  }

  private static String write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(ObjectReader reader, String json) throws ProtocolException {
    try {
      return reader.readValue(json);
    } catch (JsonProcessingException e) {
      throw new ProtocolException(e.getOriginalMessage(), e);
    }
  }
}
