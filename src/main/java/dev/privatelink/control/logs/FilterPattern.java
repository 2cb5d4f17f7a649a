package dev.privatelink.control.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * A CloudWatch Logs filter pattern, parsed once and matched against each message. Two forms are
 * understood: terms (all plain terms must occur, any {@code ?term} occurring is enough, no
 * {@code -term} may occur; {@code "quoted phrases"} are one term; matching is case-sensitive) and
 * space-delimited patterns ({@link SpaceDelimitedPattern}, e.g.
 * {@code [version, account, eni, source, destination, srcport, destport="443", ...]}).
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html">Filter pattern syntax</a>
 */
sealed interface FilterPattern permits FilterPattern.Everything, FilterPattern.Terms, SpaceDelimitedPattern {
  boolean matches(String message);

  /** The pattern {@code text} writes; an empty or absent one matches every event. */
  static FilterPattern parse(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return new Everything();
    }
    if (t.startsWith("[")) {
      return SpaceDelimitedPattern.parse(t);
    }
    if (t.startsWith("{")) {
      throw LogsErrors.invalid("Invalid filter pattern: JSON filter patterns are not supported by this cloud.");
    }
    return Terms.parse(t);
  }

  /** The empty pattern. */
  record Everything() implements FilterPattern {
    @Override public boolean matches(String message) {
      return true;
    }
  }

  /** Text terms: all of {@code required}, one of {@code anyOf} if it has any, none of {@code excluded}. */
  record Terms(List<String> required, List<String> anyOf, List<String> excluded) implements FilterPattern {
    @Override public boolean matches(String message) {
      for (String r : required) {
        if (!message.contains(r)) {
          return false;
        }
      }
      for (String x : excluded) {
        if (message.contains(x)) {
          return false;
        }
      }
      return anyOf.isEmpty() || anyOf.stream().anyMatch(message::contains);
    }

    static Terms parse(String text) {
      List<String> required = new ArrayList<>();
      List<String> anyOf = new ArrayList<>();
      List<String> excluded = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
          continue;
        }
        List<String> into = c == '?' ? anyOf : c == '-' ? excluded : required;
        if (c == '?' || c == '-') {
          i++;
        }
        int end;
        String term;
        if (i < text.length() && text.charAt(i) == '"') {
          end = text.indexOf('"', i + 1);
          if (end < 0) {
            throw LogsErrors.invalid("Invalid filter pattern: unterminated quoted term.");
          }
          term = text.substring(i + 1, end);
          end++;
        } else {
          end = i;
          while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
          }
          term = text.substring(i, end);
        }
        if (!term.isEmpty()) {
          into.add(term);
        }
        i = end;
      }
      return new Terms(required, anyOf, excluded);
    }
  }
}
