package forklab.course;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Jackson's errors on a descriptor, as {@code file:line:column: what is wrong} for an author. */
final class DescriptorErrors {
  private DescriptorErrors() {}

  static String describe(Path file, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String place =
        location == null || location.getLineNr() < 1
            ? file.toString()
            : file + ":" + location.getLineNr() + ":" + location.getColumnNr();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      place = keyPlace(file, mapping.getPath()).orElse(place);
    }
    if (!(e instanceof JsonMappingException mapping)) {
      return place + ": not valid YAML: " + e.getOriginalMessage();
    }
    String key = key(mapping.getPath());
    if (e instanceof UnrecognizedPropertyException unknown) {
      return place + ": unknown key '" + key + "' (known: " + known(unknown) + ")";
    }
    if (e instanceof MismatchedInputException mismatch
        && e.getOriginalMessage().startsWith("Missing required creator property")) {
      // Where Jackson noticed is the end of the mapping: the file alone says more.
      String missing = e.getOriginalMessage().replaceAll(".*property '([^']*)'.*", "$1");
      return file + ": missing '" + missing + "'";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      String value =
          e instanceof InvalidFormatException invalid
              ? ", not '" + invalid.getValue() + "'"
              : ", not " + found(e);
      return place + ": '" + key + "' must be " + expected(mismatch.getTargetType()) + value;
    }
    return place + ": " + e.getOriginalMessage();
  }

  /**
   * Where the key at {@code path} is written: YAML parsers report where they noticed, often the
   * line after. Each name is looked for as {@code name:} after the line of the one before it.
   */
  private static Optional<String> keyPlace(Path file, List<JsonMappingException.Reference> path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      return Optional.empty();
    }
    int line = 0;
    int column = 0;
    for (JsonMappingException.Reference reference : path) {
      if (reference.getFieldName() == null) {
        continue;
      }
      Pattern key =
          Pattern.compile("^(\\s*(?:-\\s+)?)" + Pattern.quote(reference.getFieldName()) + "\\s*:");
      boolean found = false;
      for (int i = line; i < lines.size() && !found; i++) {
        Matcher matcher = key.matcher(lines.get(i));
        if (matcher.find()) {
          line = i;
          column = matcher.group(1).length();
          found = true;
        }
      }
      if (!found) {
        return Optional.empty();
      }
    }
    return Optional.of(file + ":" + (line + 1) + ":" + (column + 1));
  }

  private static String key(List<JsonMappingException.Reference> path) {
    return path.stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? reference.getFieldName()
                    : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String known(UnrecognizedPropertyException e) {
    Collection<Object> ids = e.getKnownPropertyIds();
    return String.join(", ", new TreeSet<>(ids.stream().map(Objects::toString).toList()));
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    if (type.isEnum()) {
      return Arrays.stream(type.getEnumConstants())
          .map(constant -> constant.toString().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(" or "));
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping";
  }

  private static final Pattern QUOTED = Pattern.compile("value \\(\"(.*)\"\\)");

  /** What Jackson found instead: the scalar as written, else a list or a mapping. */
  private static String found(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    Matcher quoted = QUOTED.matcher(message);
    if (quoted.find()) {
      return "'" + quoted.group(1) + "'";
    }
    return message.contains("Array value") || message.contains("START_ARRAY")
        ? "a list"
        : "a mapping";
  }
}
