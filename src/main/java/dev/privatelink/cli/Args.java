package dev.privatelink.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line words: {@code --name value} options, {@code --flag}s, positional words, and
 * everything after {@code --} kept as is (the command of {@code exec}).
 */
record Args(Map<String, String> options, Set<String> flags, List<String> positional, List<String> rest) {
  static Args parse(List<String> words, Set<String> flagNames) {
    Map<String, String> options = new HashMap<>();
    Set<String> flags = new java.util.HashSet<>();
    List<String> positional = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("--")) {
        rest.addAll(words.subList(i + 1, words.size()));
        break;
      }
      if (w.startsWith("--")) {
        String name = w.substring(2);
        int eq = name.indexOf('=');
        if (eq > 0) {
          options.put(name.substring(0, eq), name.substring(eq + 1));
        } else if (flagNames.contains(name)) {
          flags.add(name);
        } else if (i + 1 < words.size()) {
          options.put(name, words.get(++i));
        } else {
          throw new UsageException("option --" + name + " needs a value");
        }
      } else {
        positional.add(w);
      }
    }
    return new Args(options, flags, positional, rest);
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  /** Fails on options this command does not know, so a typo is never silently ignored. */
  Args allow(Set<String> optionNames) {
    for (String o : options.keySet()) {
      if (!optionNames.contains(o)) {
        throw new UsageException("unknown option --" + o);
      }
    }
    return this;
  }

  /** A wrong command line: printed with the usage, exit code 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message, null, false, false);
    }
  }
}
