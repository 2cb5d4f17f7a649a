package dev.privatelink.control.query;

import dev.privatelink.control.AwsException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * EC2's {@code Filter.N} semantics for one resource type: a resource matches when, for every
 * filter, one of its values for that filter name matches one of the filter's values ({@code *}
 * and {@code ?} are wildcards). {@code tag:<key>}, {@code tag-key} and {@code tag-value} come from
 * the resource's tags. An unknown filter name is AWS's InvalidParameterValue.
 */
public final class Filters<T> {
  private final Map<String, Function<T, Collection<String>>> fields;
  private final Function<T, Map<String, String>> tags;

  private Filters(Map<String, Function<T, Collection<String>>> fields, Function<T, Map<String, String>> tags) {
    this.fields = fields;
    this.tags = tags;
  }

  public static <T> Builder<T> of(Function<T, Map<String, String>> tags) {
    return new Builder<>(tags);
  }

  /** The resources that pass every filter, in their original order. */
  public List<T> apply(List<T> items, @Nullable List<Filter> filters) {
    if (filters == null || filters.isEmpty()) {
      return items;
    }
    for (Filter f : filters) {
      valuesOf(f.name(), null);
    }
    // Each wanted value is turned into a test once, not once per resource it is tried on.
    List<Compiled> compiled = filters.stream().map(f -> new Compiled(f.name(),
        f.values().stream().map(Filters::glob).toList())).toList();
    return items.stream().filter(item -> compiled.stream().allMatch(c -> c.matches(valuesOf(c.name(), item)))).toList();
  }

  /** A filter's name and a test for each of its values. */
  private record Compiled(String name, List<Predicate<String>> wanted) {
    boolean matches(Collection<String> actual) {
      for (Predicate<String> test : wanted) {
        for (String value : actual) {
          if (value != null && test.test(value)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** A value without a wildcard asks for equality, which needs no regular expression. */
  private static Predicate<String> glob(String wanted) {
    if (wanted.indexOf('*') < 0 && wanted.indexOf('?') < 0) {
      return wanted::equals;
    }
    Pattern p = wildcard(wanted);
    return value -> p.matcher(value).matches();
  }

  private Collection<String> valuesOf(@Nullable String name, @Nullable T item) {
    if (name == null) {
      throw AwsException.invalidParameterValue("The filter 'null' is invalid");
    }
    if (name.startsWith("tag:")) {
      if (item == null) {
        return List.of();
      }
      String value = tags.apply(item).get(name.substring(4));
      return value == null ? List.of() : List.of(value);
    }
    if (name.equals("tag-key")) {
      return item == null ? List.of() : tags.apply(item).keySet();
    }
    if (name.equals("tag-value")) {
      return item == null ? List.of() : tags.apply(item).values();
    }
    Function<T, Collection<String>> field = fields.get(name);
    if (field == null) {
      throw AwsException.invalidParameterValue("The filter '" + name + "' is invalid");
    }
    return item == null ? List.of() : field.apply(item);
  }

  static Pattern wildcard(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Declares the filter names a Describe action supports. */
  public static final class Builder<T> {
    private final Map<String, Function<T, Collection<String>>> fields = new LinkedHashMap<>();
    private final Function<T, Map<String, String>> tags;

    private Builder(Function<T, Map<String, String>> tags) {
      this.tags = tags;
    }

    /** A filter with one value per resource (null means the resource has none). */
    public Builder<T> one(String name, Function<T, Object> value) {
      fields.put(name, item -> {
        Object v = value.apply(item);
        return v == null ? List.of() : List.of(String.valueOf(v));
      });
      return this;
    }

    /** A filter with several values per resource. */
    public Builder<T> many(String name, Function<T, Collection<String>> values) {
      fields.put(name, values);
      return this;
    }

    public Filters<T> build() {
      return new Filters<>(Map.copyOf(fields), tags);
    }
  }
}
