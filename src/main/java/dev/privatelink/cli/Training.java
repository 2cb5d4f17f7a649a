package dev.privatelink.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs several commands in one JVM, one after the other: bin/aot's training run for the short
 * commands' AOT cache, which the JDK takes from one JVM only, so that it records what {@code up
 * --detach} (talking to a running cloud) and {@code exec} both load. Words: {@code COMMAND… [";"
 * COMMAND…]…}; exits with the highest status of the commands.
 */
public final class Training {
  private Training() {}

  public static void main(String[] argv) {
    Main.setUp();
    int worst = 0;
    for (List<String> command : commands(Arrays.asList(argv))) {
      worst = Math.max(worst, Main.run(command));
    }
    System.exit(worst);
  }

  static List<List<String>> commands(List<String> words) {
    List<List<String>> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String w : words) {
      if (w.equals(";")) {
        out.add(current);
        current = new ArrayList<>();
      } else {
        current.add(w);
      }
    }
    out.add(current);
    return out.stream().filter(c -> !c.isEmpty()).toList();
  }
}
