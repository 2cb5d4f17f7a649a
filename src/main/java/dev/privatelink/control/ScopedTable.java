package dev.privatelink.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Resources of one kind, by id, per account and region, in creation order. Not thread safe: the
 * {@link Cloud} serialises writers and lets readers in only between writes.
 *
 * <p>All mutable state of the cloud lives in tables like this one (or in plain data collections)
 * reachable from {@link Features}: {@link StateFields} finds them to copy and snapshot the state.
 */
public final class ScopedTable<T> {
  private final Map<Scope, LinkedHashMap<String, T>> byScope = new LinkedHashMap<>();

  public Optional<T> find(Scope scope, String id) {
    var table = byScope.get(scope);
    return Optional.ofNullable(table == null ? null : table.get(id));
  }

  public void put(Scope scope, String id, T value) {
    byScope.computeIfAbsent(scope, s -> new LinkedHashMap<>()).put(id, value);
  }

  public @Nullable T remove(Scope scope, String id) {
    var table = byScope.get(scope);
    return table == null ? null : table.remove(id);
  }

  public List<T> all(Scope scope) {
    var table = byScope.get(scope);
    return table == null ? List.of() : List.copyOf(table.values());
  }

  public List<T> where(Scope scope, Predicate<? super T> predicate) {
    return all(scope).stream().filter(predicate).toList();
  }

  /** Every resource of every account and region, with its scope. */
  public List<Map.Entry<Scope, T>> everywhere() {
    List<Map.Entry<Scope, T>> out = new ArrayList<>();
    byScope.forEach((scope, table) -> table.values().forEach(v -> out.add(Map.entry(scope, v))));
    return out;
  }

  /** The rows by scope, for {@link StateFields}: a live view, not a copy. */
  Map<Scope, LinkedHashMap<String, T>> rows() {
    return byScope;
  }

  /** Replaces every row (a copy or a snapshot being restored). */
  void replaceRows(Map<Scope, ? extends Map<String, T>> rows) {
    byScope.clear();
    rows.forEach((scope, table) -> byScope.put(scope, new LinkedHashMap<>(table)));
  }

  public void clear() {
    byScope.clear();
  }
}
