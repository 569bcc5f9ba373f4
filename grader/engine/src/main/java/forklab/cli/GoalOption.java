package forklab.cli;

import forklab.api.Goal;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --goal}: its values, for help and completion, and its parsing, both from {@link Goal}. */
final class GoalOption {
  private GoalOption() {}

  /** Every goal's id, in {@link Goal}'s order. */
  static final class Ids implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Goal.values()).map(Goal::id).iterator();
    }
  }

  /** A goal id, in any case, to its goal; anything else is a bad usage naming the goals. */
  static final class Converter implements ITypeConverter<Goal> {
    @Override
    public Goal convert(String value) {
      try {
        return Goal.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "unknown goal '" + value + "'; the goals are " + String.join(", ", new Ids()));
      }
    }
  }
}
