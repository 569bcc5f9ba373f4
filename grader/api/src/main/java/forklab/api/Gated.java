package forklab.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Judges a check (or every check of a class) only once its {@link Gate}s pass. Each gate runs once
 * per class, inside the first gated check's own timeout; when it fails, every gated check of the
 * class fails (no points: a wrong answer never earns points for another goal) with the message "not
 * measured: &lt;method&gt; must first give the right answer: &lt;why&gt;".
 *
 * <pre>{@code
 * @Test
 * @Check(goal = Goal.SPEEDUP, points = 4, name = "the speedup reaches the calibrated limit")
 * @Gated(CountParallelWorks.class)
 * void speedup(Random random, TestReporter reporter) { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(GateExtension.class)
public @interface Gated {
  Class<? extends Gate>[] value();
}
