package forklab.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Public tests: quick ones you can run yourself. The grader's hidden checks go further. */
class BoundedBufferTest {

  @Test
  @DisplayName("one thread puts three items and takes them back in the same order")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void itemsComeOutInTheOrderTheyWentIn() throws InterruptedException {
    BoundedBuffer<String> buffer = new BoundedBuffer<>(3);
    buffer.put("a");
    buffer.put("b");
    buffer.put("c");
    assertThat(buffer.size()).isEqualTo(3);
    assertThat(List.of(buffer.take(), buffer.take(), buffer.take())).containsExactly("a", "b", "c");
    assertThat(buffer.size()).isZero();
  }

  @Test
  @DisplayName("a full buffer refuses an offer, and an empty one gives null to a poll")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void aFullBufferRefusesAndAnEmptyOneGivesNothing() throws InterruptedException {
    BoundedBuffer<Integer> buffer = new BoundedBuffer<>(1);
    assertThat(buffer.capacity()).isEqualTo(1);
    assertThat(buffer.poll(10, TimeUnit.MILLISECONDS)).isNull();
    assertThat(buffer.offer(1, 10, TimeUnit.MILLISECONDS)).isTrue();
    assertThat(buffer.offer(2, 10, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(buffer.poll(10, TimeUnit.MILLISECONDS)).isEqualTo(1);
  }

  @Test
  @DisplayName("a producer and a consumer thread move 10,000 items through two slots, in order")
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void aProducerAndAConsumerMoveItemsInOrder() throws InterruptedException {
    BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
    List<Integer> received = new ArrayList<>();
    Thread producer =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    for (int i = 0; i < 10_000; i++) {
                      buffer.put(i);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    for (int i = 0; i < 10_000; i++) {
      received.add(buffer.take());
    }
    producer.join();
    for (int i = 0; i < 10_000; i++) {
      assertThat(received.get(i)).isEqualTo(i);
    }
  }
}
