package dev.privatelink.stacks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints one line per resource as a stack is applied: created ({@code +}), found ({@code =}) or
 * repaired ({@code ~}). A stack applied in parallel splits its progress into {@linkplain #parts
 * parts} so that the lines still come out in the order of a sequential apply.
 */
public final class Progress {
  private final Consumer<String> out;

  public Progress(PrintStream out) {
    this(out::println);
  }

  private Progress(Consumer<String> out) {
    this.out = out;
  }

  /** A progress whose lines go to {@code out}, one call per line, without its line end. */
  public static Progress lines(Consumer<String> out) {
    return new Progress(out);
  }

  public static Progress silent() {
    return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()));
  }

  /**
   * This progress split into parts, for steps that run at once: a part's lines appear after every
   * line of the parts {@linkplain Parts#next opened} before it, the first unfinished part's as they
   * come, a later part's (held back meanwhile) once the parts before it are {@linkplain Part#finish
   * finished}.
   */
  Parts parts() {
    return new Parts(out);
  }

  void created(String address, String id) {
    out.accept(String.format("  + %-58s %s", address, id));
  }

  void found(String address, String id) {
    out.accept(String.format("  = %-58s %s", address, id));
  }

  void changed(String address, String what) {
    out.accept(String.format("  ~ %-58s %s", address, what));
  }

  void note(String text) {
    out.accept("  " + text);
  }

  /** One part of a progress: its {@link #progress} and the end of its lines. */
  static final class Part {
    private final Progress progress;
    private final List<String> held = new ArrayList<>();
    private boolean finished;

    private final Parts parts;

    private Part(Parts parts) {
      this.parts = parts;
      this.progress = new Progress(line -> parts.line(this, line));
    }

    Progress progress() {
      return progress;
    }

    /** No more lines come from this part: the next part's lines may follow. */
    void finish() {
      parts.finish(this);
    }
  }

  /** The parts of one progress, in order; {@code head} is the first unfinished one, whose lines go straight out. */
  static final class Parts {
    private final Consumer<String> out;
    private final List<Part> parts = new ArrayList<>();
    private int head;

    private Parts(Consumer<String> out) {
      this.out = out;
    }

    synchronized Part next() {
      Part p = new Part(this);
      parts.add(p);
      return p;
    }

    synchronized void line(Part part, String line) {
      if (parts.indexOf(part) == head) {
        out.accept(line);
      } else {
        part.held.add(line);
      }
    }

    synchronized void finish(Part part) {
      part.finished = true;
      while (head < parts.size() && parts.get(head).finished) {
        head++;
        if (head < parts.size()) {
          Part next = parts.get(head);
          next.held.forEach(out);
          next.held.clear();
        }
      }
    }
  }
}
