package forklab.cli;

import forklab.course.GoalKind;
import forklab.course.Goals;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --goal}: Forklab's goals for help and completion, from {@link Goals#builtIn()}; a course's
 * own goals are checked once the course is read.
 */
final class GoalOption {
  private GoalOption() {}

  /** Forklab's goal ids, in report order. */
  static final class Ids implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Goals.builtIn().ids().iterator();
    }
  }

  /** A goal id, in any case; anything that cannot be one is a bad usage. */
  static final class Converter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String id = value.strip().toLowerCase(Locale.ROOT);
      if (!GoalKind.isId(id)) {
        throw new TypeConversionException(
            "'" + value + "' is not a goal; the goals are " + String.join(", ", new Ids()));
      }
      return id;
    }
  }
}
