package forklab.score;

/** Points earned out of the points available, for one goal of one exercise. */
public record GoalScore(double earned, double max) {
  public static final GoalScore NONE = new GoalScore(0, 0);

  public GoalScore plus(double earned, double max) {
    return new GoalScore(this.earned + earned, this.max + max);
  }
}
