package dev.privatelink.stacks;

import java.io.PrintStream;

/** Prints one line per resource as a stack is applied: created ({@code +}), found ({@code =}) or repaired ({@code ~}). */
public final class Progress {
  private final PrintStream out;

  public Progress(PrintStream out) {
    this.out = out;
  }

  public static Progress silent() {
    return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()));
  }

  void created(String address, String id) {
    out.printf("  + %-58s %s%n", address, id);
  }

  void found(String address, String id) {
    out.printf("  = %-58s %s%n", address, id);
  }

  void changed(String address, String what) {
    out.printf("  ~ %-58s %s%n", address, what);
  }

  void note(String text) {
    out.println("  " + text);
  }
}
