package forklab.verify;

/**
 * One thing verify expected of one subject, and whether it held.
 *
 * @param exercise the exercise id
 * @param subject {@code reference}, {@code skeleton} or {@code mutant <name>}
 * @param expected what should hold
 * @param met whether it held
 * @param observed what was seen, in a line
 */
public record Expectation(
    String exercise, String subject, String expected, boolean met, String observed) {}
