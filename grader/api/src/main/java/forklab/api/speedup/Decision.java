package forklab.api.speedup;

/**
 * What the decision rule concluded from a set of rounds.
 *
 * @param verdict pass, fail, or not judged here
 * @param fraction median fraction of the calibrated limit reached
 * @param low the pessimistic end of the fraction's interval; negative infinity when discarded
 *     rounds leave it unknown
 * @param high the optimistic end of the fraction's interval; positive infinity when discarded
 *     rounds leave it unknown
 * @param limit median calibrated limit
 * @param speedup median effective speedup
 * @param rounds how many measured rounds the decision rests on
 * @param discarded how many rounds were discarded as not clean, and counted as unknown
 * @param reason why, in a sentence a student understands
 */
public record Decision(
    Verdict verdict,
    double fraction,
    double low,
    double high,
    double limit,
    double speedup,
    int rounds,
    int discarded,
    String reason) {

  /** Whether more rounds could still settle it. */
  public boolean undecided() {
    return verdict == Verdict.NOT_JUDGED_HERE
        && (reason.startsWith(DecisionRule.TOO_NOISY) || reason.startsWith(DecisionRule.TOO_FEW));
  }
}
