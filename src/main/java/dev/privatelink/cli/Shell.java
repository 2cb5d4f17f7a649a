package dev.privatelink.cli;

import java.util.regex.Pattern;

/** Quoting for the commands the CLI prints for a user to copy into a POSIX shell. */
final class Shell {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private Shell() {}

  /** {@code word} as one shell word: unchanged when it has no special characters, else single-quoted. */
  static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
