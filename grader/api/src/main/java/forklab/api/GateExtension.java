package forklab.api;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs the {@link Gated} gates before a check's body, inside the check's timeout, and remembers
 * each gate's answer for the rest of the class.
 */
final class GateExtension implements InvocationInterceptor {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(GateExtension.class);

  /** A gated check that was not measured; no random input was drawn, so no seed is named. */
  static final class NotMeasured extends AssertionError {
    private static final long serialVersionUID = 1L;

    NotMeasured(String message) {
      super(message);
    }
  }

  /** One gate's answer: empty {@code why} when it passed. */
  private record Answer(String method, String why) {}

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    gateThen(invocation, context);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    gateThen(invocation, context);
  }

  private static void gateThen(Invocation<Void> invocation, ExtensionContext context)
      throws Throwable {
    for (Class<? extends Gate> gate : gates(context)) {
      Answer answer =
          context
              .getRoot()
              .getStore(NAMESPACE)
              .computeIfAbsent(
                  List.of(context.getRequiredTestClass(), gate), key -> ask(gate), Answer.class);
      if (!answer.why().isEmpty()) {
        invocation.skip();
        throw new NotMeasured(
            Feedback.of(
                    "not measured: "
                        + answer.method()
                        + " must first give the right answer: "
                        + answer.why())
                .tryNext(
                    "make the correctness checks pass first: this goal only counts for right answers")
                .message());
      }
    }
    invocation.proceed();
  }

  /** The gates of the method, then those of its class, each once. */
  private static Set<Class<? extends Gate>> gates(ExtensionContext context) {
    List<Gated> declared = new ArrayList<>();
    AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), Gated.class)
        .ifPresent(declared::add);
    AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Gated.class)
        .ifPresent(declared::add);
    Set<Class<? extends Gate>> gates = new LinkedHashSet<>();
    for (Gated gated : declared) {
      gates.addAll(List.of(gated.value()));
    }
    return gates;
  }

  private static Answer ask(Class<? extends Gate> type) {
    Gate gate = ReflectionSupport.newInstance(type);
    try {
      gate.check();
      return new Answer(gate.method(), "");
    } catch (AssertionError wrong) {
      String message = wrong.getMessage();
      return new Answer(gate.method(), message == null ? "it gave a wrong answer" : message);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new Answer(gate.method(), "it was interrupted");
    } catch (Exception thrown) {
      return new Answer(gate.method(), threw(thrown));
    }
  }

  private static String threw(Exception thrown) {
    if (thrown instanceof UnsupportedOperationException && "TODO".equals(thrown.getMessage())) {
      return "it is not implemented yet (it still throws UnsupportedOperationException(\"TODO\"))";
    }
    return "it threw "
        + thrown.getClass().getName()
        + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
  }
}
