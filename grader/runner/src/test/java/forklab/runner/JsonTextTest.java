package forklab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void quotesPlainText() {
    assertThat(JsonText.string("workers done")).isEqualTo("\"workers done\"");
    assertThat(JsonText.string("")).isEqualTo("\"\"");
  }

  @Test
  void escapesQuotesAndBackslashes() {
    assertThat(JsonText.string("say \"hi\" to C:\\tmp\\"))
        .isEqualTo("\"say \\\"hi\\\" to C:\\\\tmp\\\\\"");
  }

  @Test
  void escapesNewlinesCarriageReturnsAndTabsWithTheirShortForms() {
    assertThat(JsonText.string("a\nb\r\nc\td")).isEqualTo("\"a\\nb\\r\\nc\\td\"");
  }

  @Test
  void escapesOtherControlCharactersAsUnicodeEscapes() {
    assertThat(JsonText.string("nul\u0000esc\u001b[31mred\u0007\u001f"))
        .isEqualTo("\"nul\\u0000esc\\u001b[31mred\\u0007\\u001f\"");
  }

  @Test
  void keepsPrintableNonAsciiTextAsIs() {
    assertThat(JsonText.string("grüße – ✓ \u007f")).isEqualTo("\"grüße – ✓ \u007f\"");
  }

  @Test
  void escapesSurrogatesSoTheOutputStaysAsciiSafeEvenForBrokenPairs() {
    assertThat(JsonText.string("😀")).isEqualTo("\"\\ud83d\\ude00\"");
    assertThat(JsonText.string("lone \ud83d")).isEqualTo("\"lone \\ud83d\"");
  }

  @Test
  void everyCharacterSurvivesAWriteAndARead() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      all.append(c);
    }
    String text = all.toString();

    String json = JsonText.string(text);

    assertThat(json.chars().filter(c -> c < 0x20)).isEmpty();
    assertThat(decodeString(json)).isEqualTo(text);
  }

  @Test
  void writesFieldsInTheMapsOrderWithNumbersBooleansAndNullsUnquoted() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("type", "finished");
    fields.put("millis", 1234L);
    fields.put("ratio", 0.5);
    fields.put("passed", true);
    fields.put("message", null);

    assertThat(JsonText.object(fields))
        .isEqualTo(
            "{\"type\":\"finished\",\"millis\":1234,\"ratio\":0.5,\"passed\":true,\"message\":null}");
  }

  @Test
  void writesAnEmptyMapAsAnEmptyObject() {
    assertThat(JsonText.object(Map.of())).isEqualTo("{}");
  }

  @Test
  void writesNestedMapsAndListsAndEscapesTheirKeysAndItems() {
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put("speed\"up", "2.5");
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("id", "forklab.checks.A#b");
    check.put("tags", List.of("fast", "line\nbreak"));
    check.put("entries", entries);
    check.put("empty", List.of());
    check.put("matrix", List.of(List.of(1, 2), List.of(), Arrays.asList(null, false)));
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("type", "plan");
    plan.put("checks", List.of(check, Map.of()));

    assertThat(JsonText.object(plan))
        .isEqualTo(
            "{\"type\":\"plan\",\"checks\":[{\"id\":\"forklab.checks.A#b\","
                + "\"tags\":[\"fast\",\"line\\nbreak\"],"
                + "\"entries\":{\"speed\\\"up\":\"2.5\"},"
                + "\"empty\":[],"
                + "\"matrix\":[[1,2],[],[null,false]]},{}]}");
  }

  @Test
  void writesOtherObjectsAsTheStringOfTheirToString() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("status", Thread.State.RUNNABLE);
    fields.put("letter", 'x');
    fields.put("text", new StringBuilder("a\"b"));

    assertThat(JsonText.object(fields))
        .isEqualTo("{\"status\":\"RUNNABLE\",\"letter\":\"x\",\"text\":\"a\\\"b\"}");
  }

  @Test
  void writesIterablesThatAreNotListsAsArrays() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("set", new java.util.TreeSet<>(List.of("b", "a")));
    fields.put("queue", new java.util.ArrayDeque<>(List.of(3, 1)));

    assertThat(JsonText.object(fields)).isEqualTo("{\"set\":[\"a\",\"b\"],\"queue\":[3,1]}");
  }

  @Test
  void writesOutputThatATinyStrictParserAccepts() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "finished");
    event.put("message", "expected:<\"a\\b\"> but was:<\u0000\u001b>\r\n\ttab");
    event.put("entries", Map.of("k", "v"));
    event.put("millis", 12);
    event.put("output", new ArrayList<>(List.of("x", "y")));

    String json = JsonText.object(event);

    assertThat(new TinyJson(json).parseDocument()).isEqualTo(event);
  }

  /** Decodes one JSON string literal that spans the whole of {@code json}. */
  private static String decodeString(String json) {
    TinyJson parser = new TinyJson(json);
    Object value = parser.parseDocument();
    assertThat(value).isInstanceOf(String.class);
    return (String) value;
  }

  /**
   * A strict little JSON reader: objects, arrays, strings, integers, decimals, true, false, null.
   */
  private static final class TinyJson {
    private final String text;
    private int at;

    TinyJson(String text) {
      this.text = text;
    }

    Object parseDocument() {
      Object value = value();
      if (at != text.length()) {
        throw new AssertionError("trailing text at " + at + " in " + text);
      }
      return value;
    }

    private Object value() {
      char c = peek();
      if (c == '{') {
        return object();
      }
      if (c == '[') {
        return array();
      }
      if (c == '"') {
        return string();
      }
      if (text.startsWith("true", at)) {
        at += 4;
        return true;
      }
      if (text.startsWith("false", at)) {
        at += 5;
        return false;
      }
      if (text.startsWith("null", at)) {
        at += 4;
        return null;
      }
      int start = at;
      while (at < text.length() && "-0123456789.".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      if (start == at) {
        throw new AssertionError("unexpected '" + c + "' at " + at + " in " + text);
      }
      String number = text.substring(start, at);
      return number.contains(".")
          ? (Object) Double.parseDouble(number)
          : (Object) Integer.parseInt(number);
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      expect('{');
      if (peek() == '}') {
        at++;
        return map;
      }
      do {
        String name = string();
        expect(':');
        map.put(name, value());
      } while (next() == ',');
      at--;
      expect('}');
      return map;
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      expect('[');
      if (peek() == ']') {
        at++;
        return list;
      }
      do {
        list.add(value());
      } while (next() == ',');
      at--;
      expect(']');
      return list;
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      for (char c = next(); c != '"'; c = next()) {
        if (c < 0x20) {
          throw new AssertionError("raw control character " + (int) c + " at " + (at - 1));
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escape = next();
        switch (escape) {
          case '"', '\\', '/' -> out.append(escape);
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> throw new AssertionError("bad escape \\" + escape + " at " + (at - 1));
        }
      }
      return out.toString();
    }

    private void expect(char wanted) {
      char c = next();
      if (c != wanted) {
        throw new AssertionError(
            "expected '" + wanted + "' but found '" + c + "' at " + (at - 1) + " in " + text);
      }
    }

    private char peek() {
      if (at >= text.length()) {
        throw new AssertionError("unexpected end of " + text);
      }
      return text.charAt(at);
    }

    private char next() {
      char c = peek();
      at++;
      return c;
    }
  }
}
