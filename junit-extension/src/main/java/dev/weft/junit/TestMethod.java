package dev.weft.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Invokes a test method again for each try of an exploration: on the same test instance, with
 * JUnit's arguments, except that the parameters Weft provides are made anew.
 */
final class TestMethod {
  private final Method method;
  private final Object target;
  private final List<Object> arguments;

  TestMethod(ReflectiveInvocationContext<Method> invocation) {
    this.method = invocation.getExecutable();
    this.target = invocation.getTarget().orElse(null);
    this.arguments = invocation.getArguments();
    method.setAccessible(true); // JUnit test methods may be package-private
  }

  /** Calls the method once; what it throws is thrown as it is. */
  void invoke() throws Exception {
    Object[] fresh = arguments.toArray();
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < fresh.length; i++) {
      if (types[i] == ProducerConsumer.class) {
        fresh[i] = ProducerConsumer.seed();
      }
    }
    try {
      method.invoke(target, fresh);
    } catch (InvocationTargetException e) {
      Throwable thrown = e.getCause();
      if (thrown instanceof Exception) {
        throw (Exception) thrown;
      }
      if (thrown instanceof Error) {
        throw (Error) thrown;
      }
      throw e;
    }
  }
}
