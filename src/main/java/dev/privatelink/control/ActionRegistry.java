package dev.privatelink.control;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Finds the handler method for an SDK request type among a set of {@link ActionHandler}s, and
 * whether the method declared itself {@link ReadOnly}.
 */
final class ActionRegistry {
  private final Map<Class<?>, MethodHandle> handlers = new HashMap<>();
  private final Set<Class<?>> readOnly = new HashSet<>();

  ActionRegistry(List<? extends ActionHandler> owners) {
    var lookup = MethodHandles.publicLookup();
    for (ActionHandler owner : owners) {
      for (Method m : owner.getClass().getMethods()) {
        Class<?>[] params = m.getParameterTypes();
        if (Modifier.isStatic(m.getModifiers()) || params.length != 2 || params[0] != RequestContext.class
            || !SdkRequest.class.isAssignableFrom(params[1]) || !SdkResponse.class.isAssignableFrom(m.getReturnType())) {
          continue;
        }
        try {
          MethodHandle bound = lookup.unreflect(m).bindTo(owner);
          if (handlers.put(params[1], bound) != null) {
            throw new IllegalStateException("two handlers for " + params[1].getSimpleName());
          }
          if (m.isAnnotationPresent(ReadOnly.class)) {
            readOnly.add(params[1]);
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  Optional<MethodHandle> find(Class<?> requestType) {
    return Optional.ofNullable(handlers.get(requestType));
  }

  boolean supports(Class<?> requestType) {
    return handlers.containsKey(requestType);
  }

  /** True if the action's handler is {@link ReadOnly}, and for an action nobody serves (it changes nothing). */
  boolean isReadOnly(Class<?> requestType) {
    return readOnly.contains(requestType) || !handlers.containsKey(requestType);
  }

  /** Every request type served. */
  Set<Class<?>> actions() {
    return Set.copyOf(handlers.keySet());
  }
}
