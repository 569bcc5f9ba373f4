package forklab.run;

import java.util.Set;

/**
 * The runner's frames that did not arrive intact. The runner writes them to the process's standard
 * output, which the submission can write to as well (through {@code FileDescriptor.out}, or a child
 * process that inherits it); bytes written into the middle of a frame's line break it, and a broken
 * frame cannot be verified.
 *
 * @param frames how many genuine frames are known to be lost, because a later one arrived
 * @param results the checks whose result is among them: each had started, and the frame after its
 *     start was not its result
 * @param unnamed whether more frames were lost than the checks around a gap account for, so the
 *     start and result of a check that cannot be named may be among them
 * @param brokenAtEnd whether lines after the last genuine frame looked like frames but could not be
 *     verified: imitations, or frames that other output broke, which no later frame can tell apart
 */
public record FrameLoss(int frames, Set<String> results, boolean unnamed, boolean brokenAtEnd) {
  public static final FrameLoss NONE = new FrameLoss(0, Set.of(), false, false);

  public FrameLoss {
    results = Set.copyOf(results);
  }

  /** Whether a check without a result may have lost it rather than never run. */
  public boolean inDoubt() {
    return unnamed || brokenAtEnd;
  }
}
