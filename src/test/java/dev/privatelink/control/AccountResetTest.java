package dev.privatelink.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A reset of one account ({@link Features#resetAccount}, which forgets the account through
 * {@link StateFields#dropAccount}) reaches every table of the cloud, including a table added later:
 * the tables are found here by a walk of their own (through every field and every collection of
 * control-plane objects, action handlers included), independent of the one the reset uses, and
 * each is given a row of the reset account and one of another account.
 */
class AccountResetTest {
  private static final String RESET = "111111111111";
  private static final String KEPT = "222222222222";

  @Test
  void aResetOfOneAccountLeavesNoRowOfItInAnyTableAndKeepsTheOthers() {
    Features features = new Features();
    List<ScopedTable<?>> tables = tablesReachableFrom(features);
    assertTrue(tables.size() > 20, "the walk finds the cloud's tables: " + tables.size());
    for (ScopedTable<?> table : tables) {
      plant(table, RESET);
      plant(table, KEPT);
    }

    // The part of Features.resetAccount that forgets the account (the rows planted here are not
    // resources PrivateLink's cross-account step before it could read).
    StateFields.dropAccount(features, RESET);

    List<String> survivors = new ArrayList<>();
    for (ScopedTable<?> table : tables) {
      if (table.rows().keySet().stream().anyMatch(s -> s.accountId().equals(RESET))) {
        survivors.add(describe(features, table));
      }
      assertTrue(table.rows().keySet().stream().anyMatch(s -> s.accountId().equals(KEPT)),
          "another account's row is kept in " + describe(features, table));
    }
    assertEquals(List.of(), survivors, "tables still holding the reset account");
  }

  @Test
  void everyTableIsStateThatSnapshotsAndCopiesSee() {
    Features features = new Features();
    Set<Object> leaves = Collections.newSetFromMap(new IdentityHashMap<>());
    StateFields.of(features).values().forEach(l -> {
      if (l instanceof StateFields.Table t) {
        leaves.add(t.table());
      }
    });
    List<String> hidden = tablesReachableFrom(features).stream().filter(t -> !leaves.contains(t))
        .map(t -> describe(features, t)).toList();
    assertEquals(List.of(), hidden, "tables held where StateFields does not look (not snapshotted, not reset)");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void plant(ScopedTable<?> table, String account) {
    ((ScopedTable) table).put(new Scope(account, "us-east-1"), "planted", "planted");
  }

  private static String describe(Features features, ScopedTable<?> table) {
    return StateFields.of(features).entrySet().stream()
        .filter(e -> e.getValue() instanceof StateFields.Table t && t.table() == table).map(Map.Entry::getKey)
        .findFirst().orElse("a table outside StateFields (" + table + ")");
  }

  /** Every ScopedTable reachable from {@code root} through fields and collection elements. */
  private static List<ScopedTable<?>> tablesReachableFrom(Object root) {
    List<ScopedTable<?>> found = new ArrayList<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Object> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      Object o = todo.removeLast();
      if (!seen.add(o)) {
        continue;
      }
      if (o instanceof ScopedTable<?> t) {
        found.add(t);
      } else if (o instanceof Collection<?> c) {
        todo.addAll(c);
      } else if (o instanceof Map<?, ?> m) {
        todo.addAll(m.values());
      } else if (o.getClass().getPackageName().startsWith("dev.privatelink.control")) {
        todo.addAll(fieldValues(o));
      }
    }
    return found;
  }

  private static List<Object> fieldValues(Object o) {
    List<Object> values = new ArrayList<>();
    for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
          continue;
        }
        try {
          f.setAccessible(true);
          Object v = f.get(o);
          if (v != null) {
            values.add(v);
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          // a field of a JDK class closed to reflection holds no table of ours
        }
      }
    }
    return values;
  }
}
