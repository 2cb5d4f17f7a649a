package dev.privatelink.control;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Finds every piece of mutable state reachable from a {@link Features}: each {@link ScopedTable},
 * each data collection (a Map or Collection holding only values: strings, numbers, records of
 * values, SDK model objects) and each non-final scalar field of a control-plane object, named by
 * its field path (e.g. {@code ec2.state.vpcs}). Wiring (handlers, lambdas, collaborators) is not
 * state and is left out. Two {@code Features} built by the same code have the same paths, so the
 * state can be copied from one to the other, and a snapshot written by path restores into a new one.
 */
public final class StateFields {
  private StateFields() {}

  /** One piece of state: read it, or replace its content in place. */
  public sealed interface Leaf {
    /** The declared type of the value: {@code T} of a table, the field's type otherwise. */
    Type type();

    @Nullable Object get();

    void set(@Nullable Object value);
  }

  /** A table: its value is its rows by scope, {@code Map<Scope, Map<String, T>>}. */
  public record Table(ScopedTable<?> table, Type type) implements Leaf {
    @Override public Object get() {
      return table.rows();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override public void set(@Nullable Object value) {
      ((ScopedTable) table).replaceRows(value == null ? Map.of() : (Map) value);
    }
  }

  /** A data collection, refilled in place. */
  public record Container(Object container, Type type) implements Leaf {
    @Override public Object get() {
      return container;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override public void set(@Nullable Object value) {
      if (container instanceof Map m) {
        m.clear();
        if (value != null) {
          m.putAll((Map) value);
        }
      } else {
        Collection c = (Collection) container;
        c.clear();
        if (value != null) {
          c.addAll((Collection) value);
        }
      }
    }
  }

  /** A non-final scalar field (a counter, a sequence number). */
  public record Scalar(Object owner, Field field) implements Leaf {
    @Override public Type type() {
      return field.getGenericType();
    }

    @Override public @Nullable Object get() {
      try {
        return field.get(owner);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override public void set(@Nullable Object value) {
      try {
        field.set(owner, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Every piece of state of {@code features}, by path, in a stable order. */
  public static Map<String, Leaf> of(Features features) {
    Map<String, Leaf> out = new LinkedHashMap<>();
    walk(features, "", out, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out;
  }

  /** Makes {@code to}'s state an independent copy of {@code from}'s (values are immutable and shared). */
  public static void copy(Features from, Features to) {
    Map<String, Leaf> target = of(to);
    of(from).forEach((path, leaf) -> {
      Leaf t = target.get(path);
      if (t != null) {
        t.set(deepCopy(leaf.get()));
      }
    });
  }

  /**
   * Forgets everything of one account, found by the state's structure rather than by a list, so a
   * table added later is reset too: every {@link ScopedTable}'s rows of the account's scopes, every
   * data collection's entries keyed by (or holding) one of its scopes, and every record held in a
   * collection whose {@code accountId} component is the account's. Counters are not per account
   * and stay.
   */
  public static void dropAccount(Features features, String accountId) {
    for (Leaf leaf : of(features).values()) {
      switch (leaf) {
        case Table t -> t.table().dropAccount(accountId);
        case Container c when c.container() instanceof Map<?, ?> m -> m.keySet().removeIf(k -> ofAccount(k, accountId));
        case Container c -> ((Collection<?>) c.container()).removeIf(v -> ofAccount(v, accountId));
        case Scalar s -> { }
      }
    }
  }

  /** True if {@code value} is one of the account's scopes, or a record whose {@code accountId} is the account. */
  private static boolean ofAccount(@Nullable Object value, String accountId) {
    if (value instanceof Scope scope) {
      return scope.accountId().equals(accountId);
    }
    if (value == null || !value.getClass().isRecord()) {
      return false;
    }
    for (RecordComponent rc : value.getClass().getRecordComponents()) {
      if (rc.getName().equals("accountId")) {
        try {
          rc.getAccessor().setAccessible(true);
          return accountId.equals(rc.getAccessor().invoke(value));
        } catch (ReflectiveOperationException e) {
          return false;
        }
      }
    }
    return false;
  }

  private static void walk(Object object, String path, Map<String, Leaf> out, Set<Object> seen) {
    if (!seen.add(object)) {
      return;
    }
    for (Class<?> c = object.getClass(); c != null && inControl(c); c = c.getSuperclass()) {
      Field[] fields = c.getDeclaredFields();
      Arrays.sort(fields, Comparator.comparing(Field::getName));
      for (Field f : fields) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
          visit(object, f, path.isEmpty() ? f.getName() : path + "." + f.getName(), out, seen);
        }
      }
    }
  }

  private static void visit(Object owner, Field f, String path, Map<String, Leaf> out, Set<Object> seen) {
    f.setAccessible(true);
    Object value;
    try {
      value = f.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    boolean mutableField = !Modifier.isFinal(f.getModifiers()) && !owner.getClass().isRecord();
    if (mutableField && isScalar(f.getType())) {
      out.put(path, new Scalar(owner, f));
    } else if (value instanceof ScopedTable<?> table) {
      if (seen.add(table)) {
        Type t = f.getGenericType() instanceof java.lang.reflect.ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        out.put(path, new Table(table, t));
      }
    } else if ((value instanceof Map<?, ?> || value instanceof Collection<?>) && !owner.getClass().isRecord()) {
      if (isData(value) && seen.add(value)) {
        out.put(path, new Container(value, f.getGenericType()));
      }
    } else if (value != null && inControl(value.getClass()) && !value.getClass().isHidden() && !value.getClass().isEnum()) {
      walk(value, path, out, seen);
    }
  }

  private static boolean inControl(Class<?> c) {
    return c.getPackageName().startsWith("dev.privatelink.control");
  }

  private static boolean isScalar(Class<?> c) {
    return c.isPrimitive() || c == String.class || Number.class.isAssignableFrom(c) || c == Boolean.class || c == Instant.class;
  }

  /** True if {@code v} holds values only (nothing that behaves: no lambdas, handlers or collaborators). */
  static boolean isData(@Nullable Object v) {
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Enum<?>
        || v instanceof Instant || v instanceof SdkPojo || v instanceof byte[] || v instanceof int[]) {
      return !(v != null && v.getClass().isHidden());
    }
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream().allMatch(e -> isData(e.getKey()) && isData(e.getValue()));
    }
    if (v instanceof Collection<?> c) {
      return c.stream().allMatch(StateFields::isData);
    }
    if (v.getClass().isRecord() && !v.getClass().isHidden()) {
      for (RecordComponent rc : v.getClass().getRecordComponents()) {
        try {
          rc.getAccessor().setAccessible(true);
          if (!isData(rc.getAccessor().invoke(v))) {
            return false;
          }
        } catch (ReflectiveOperationException e) {
          return false;
        }
      }
      return true;
    }
    return v.getClass().getPackageName().startsWith("dev.privatelink.model");
  }

  /** Copies mutable collections (recursively); immutable ones and values are shared. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static @Nullable Object deepCopy(@Nullable Object v) {
    if (v instanceof Map<?, ?> m) {
      Map copy = newLike(m, LinkedHashMap::new);
      if (copy == null) {
        return v;
      }
      m.forEach((k, x) -> copy.put(k, deepCopy(x)));
      return copy;
    }
    if (v instanceof Collection<?> c) {
      Collection copy = newLike(c, java.util.ArrayList::new);
      if (copy == null) {
        return v;
      }
      c.forEach(x -> copy.add(deepCopy(x)));
      return copy;
    }
    return v;
  }

  /** A new empty collection of the same class, or null if it is an immutable one (shared as is). */
  private static <C> @Nullable C newLike(C original, java.util.function.Supplier<C> unused) {
    try {
      @SuppressWarnings("unchecked")
      C made = (C) original.getClass().getConstructor().newInstance();
      return made;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
