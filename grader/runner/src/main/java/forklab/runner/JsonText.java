package forklab.runner;

import java.util.Map;

/** Just enough JSON writing for frame payloads: the runner carries no JSON library. */
final class JsonText {
  private JsonText() {}

  static String object(Map<String, ?> fields) {
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (name, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append(string(name)).append(':').append(value(value));
        });
    return json.append('}').toString();
  }

  @SuppressWarnings("unchecked")
  private static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> map) {
      return object((Map<String, ?>) map);
    }
    if (value instanceof Iterable<?> items) {
      StringBuilder json = new StringBuilder("[");
      for (Object item : items) {
        if (json.length() > 1) {
          json.append(',');
        }
        json.append(value(item));
      }
      return json.append(']').toString();
    }
    return string(value.toString());
  }

  static String string(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}
