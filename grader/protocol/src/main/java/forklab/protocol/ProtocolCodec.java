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
  private static final ObjectWriter EVENT_WRITER = JSON.writerFor(RunnerEvent.class);
  private static final ObjectReader EVENT_READER = JSON.readerFor(RunnerEvent.class);
  private static final ObjectWriter INPUT_WRITER = JSON.writerFor(RunnerInput.class);
  private static final ObjectReader INPUT_READER = JSON.readerFor(RunnerInput.class);

  private ProtocolCodec() {}

  /** {@code event} as one line of JSON (no line terminator). */
  public static String encode(RunnerEvent event) {
    return write(EVENT_WRITER, event);
  }

  /** {@code input} as one line of JSON (no line terminator). */
  public static String encode(RunnerInput input) {
    return write(INPUT_WRITER, input);
  }

  /** The event {@code json} holds; refuses anything that is not exactly one. */
  public static RunnerEvent decodeEvent(String json) throws ProtocolException {
    return read(EVENT_READER, json);
  }

  /** The input {@code json} holds; refuses anything that is not exactly one. */
  public static RunnerInput decodeInput(String json) throws ProtocolException {
    return read(INPUT_READER, json);
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
