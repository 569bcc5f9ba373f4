package forklab.primes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Public tests: quick ones you can run yourself. The grader's hidden checks go further. */
class PrimeCounterTest {

  @Test
  @DisplayName("four threads count the 1,229 primes below 10,000, like countSequential")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void fourThreadsAgreeWithSequentialOnASmallRange() {
    assertThat(PrimeCounter.countSequential(0, 10_000)).isEqualTo(1_229);
    assertThat(PrimeCounter.countParallel(0, 10_000, 4)).isEqualTo(1_229);
  }

  @Test
  @DisplayName("one thread gives the same count as countSequential")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void oneThreadAgreesWithSequential() {
    assertThat(PrimeCounter.countParallel(1_000, 5_003, 1))
        .isEqualTo(PrimeCounter.countSequential(1_000, 5_003));
  }

  @Test
  @DisplayName("an empty range and an inverted range have no primes")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void emptyAndInvertedRangesHaveNoPrimes() {
    assertThat(PrimeCounter.countParallel(50, 50, 4)).isZero();
    assertThat(PrimeCounter.countParallel(100, 10, 2)).isZero();
  }

  @Test
  @DisplayName("four threads count the 9,592 primes below 100,000")
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void fourThreadsCountThePrimesBelowOneHundredThousand() {
    assertThat(PrimeCounter.countParallel(0, 100_000, 4)).isEqualTo(9_592);
  }
}
