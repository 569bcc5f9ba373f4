package forklab.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test methods of a class a {@link java.util.Random} parameter drawn from one seed per
 * run. The seed is {@code -Dforklab.seed=N} when set and a fresh one otherwise; a failure message
 * names it so that the exact inputs can be replayed.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SeedExtension.class)
public @interface Seeded {}
