package dev.privatelink.control.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A space-delimited filter pattern: {@code [name, name op value, ..., name op value && name op value]}.
 * A message is split on spaces (text in double quotes or square brackets is one field); the names
 * are given to its fields in order, {@code ...} standing for any number of fields (one ellipsis
 * at most here); without an ellipsis the field count must match. Operators: {@code = != < <= > >=};
 * a number compares numerically, anything else as text where {@code *} is a wildcard.
 */
record SpaceDelimitedPattern(List<String> before, boolean ellipsis, List<String> after, List<FieldCondition> conditions)
    implements FilterPattern {
  private static final Pattern CONDITION = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_\\-]*)\\s*(!=|<=|>=|=|<|>)\\s*(\"[^\"]*\"|[^\\s&|]+)\\s*");

  /** The condition on one field: any alternative holding, each alternative a conjunction. */
  record FieldCondition(List<List<Condition>> alternatives) {
    FieldCondition {
      alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    boolean test(Map<String, String> values) {
      return alternatives.stream().anyMatch(all -> all.stream().allMatch(c -> c.test(values.get(c.field()))));
    }
  }

  /** One comparison of a named field with a value. */
  record Condition(String field, String op, String value, boolean quoted) {
    boolean test(@Nullable String actual) {
      if (actual == null) {
        return false;
      }
      Double number = quoted ? null : number(value);
      if (number != null) {
        Double a = number(actual);
        if (a == null) {
          return false;
        }
        int c = Double.compare(a, number);
        return switch (op) {
          case "=" -> c == 0;
          case "!=" -> c != 0;
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          default -> c >= 0;
        };
      }
      boolean equal = wildcard(value).matcher(actual).matches();
      return switch (op) {
        case "=" -> equal;
        case "!=" -> !equal;
        default -> throw LogsErrors.invalid("Invalid filter pattern: " + op + " needs a number.");
      };
    }
  }

  static SpaceDelimitedPattern parse(String text) {
    if (!text.endsWith("]")) {
      throw LogsErrors.invalid("Invalid filter pattern: a space-delimited pattern ends with ].");
    }
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    List<FieldCondition> conditions = new ArrayList<>();
    boolean ellipsis = false;
    for (String raw : splitFields(text.substring(1, text.length() - 1))) {
      String field = raw.strip();
      if (field.equals("...")) {
        if (ellipsis) {
          throw LogsErrors.invalid("Invalid filter pattern: only one ... is supported in a space-delimited pattern.");
        }
        ellipsis = true;
        continue;
      }
      String name = field.split("[\\s=!<>&|]", 2)[0];
      if (name.isEmpty()) {
        throw LogsErrors.invalid("Invalid filter pattern: a field has no name: " + field);
      }
      (ellipsis ? after : before).add(name);
      if (!name.equals(field)) {
        List<List<Condition>> alternatives = new ArrayList<>();
        for (String alternative : field.split("\\|\\|")) {
          List<Condition> all = new ArrayList<>();
          for (String part : alternative.split("&&")) {
            all.add(condition(part));
          }
          alternatives.add(all);
        }
        conditions.add(new FieldCondition(alternatives));
      }
    }
    return new SpaceDelimitedPattern(before, ellipsis, after, conditions);
  }

  @Override
  public boolean matches(String message) {
    List<String> fields = splitMessage(message);
    int fixed = before.size() + after.size();
    if (ellipsis ? fields.size() < fixed : fields.size() != fixed) {
      return false;
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      values.putIfAbsent(before.get(i), fields.get(i));
    }
    for (int i = 0; i < after.size(); i++) {
      values.putIfAbsent(after.get(i), fields.get(fields.size() - after.size() + i));
    }
    return conditions.stream().allMatch(c -> c.test(values));
  }

  private static Condition condition(String text) {
    var m = CONDITION.matcher(text);
    if (!m.matches()) {
      throw LogsErrors.invalid("Invalid filter pattern: cannot read the condition '" + text.strip() + "'.");
    }
    String value = m.group(3);
    boolean quoted = value.startsWith("\"");
    return new Condition(m.group(1), m.group(2), quoted ? value.substring(1, value.length() - 1) : value, quoted);
  }

  private static List<String> splitFields(String inner) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : inner.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }

  static List<String> splitMessage(String message) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = message.length();
    while (i < n) {
      char c = message.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      char close = c == '"' ? '"' : c == '[' ? ']' : 0;
      int end = close == 0 ? -1 : message.indexOf(close, i + 1);
      if (end > 0) {
        out.add(message.substring(i + 1, end));
        i = end + 1;
      } else {
        int j = i;
        while (j < n && message.charAt(j) != ' ' && message.charAt(j) != '\t') {
          j++;
        }
        out.add(message.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  private static @Nullable Double number(String s) {
    try {
      return Double.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Pattern wildcard(String value) {
    StringBuilder re = new StringBuilder();
    for (String part : value.split("\\*", -1)) {
      if (!re.isEmpty()) {
        re.append(".*");
      }
      re.append(Pattern.quote(part));
    }
    return Pattern.compile(re.toString());
  }
}
