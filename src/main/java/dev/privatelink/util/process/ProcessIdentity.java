package dev.privatelink.util.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A process as recorded for later: its pid and the moment it started. A pid alone is not an
 * identity, since after a crash the kernel hands the number to an unrelated process; the pair is.
 *
 * <p>The start is read in clock ticks since boot ({@code /proc/<pid>/stat}, field 22), which the
 * kernel fixes when the process is made. The JDK's start instant is not used: it is that count
 * added to the boot time derived from the wall clock, so it moves whenever the clock is stepped (a
 * resumed laptop, a forked or restored VM), and a running server would no longer match its own
 * record. Records from before ({@link StartUnit#EPOCH_MILLIS}) are still read and compared their way.
 * Written as {@code "<pid> <ticks> ticks"}, or {@code "<pid> <millis>"} for the older kind.
 */
public record ProcessIdentity(long pid, long start, StartUnit unit) {
  /** How {@link #start} is counted. */
  public enum StartUnit {
    /** Clock ticks since boot, from {@code /proc}; immune to clock steps. */
    BOOT_TICKS,
    /** Milliseconds since the epoch, as the JDK reports a start; written by older versions. */
    EPOCH_MILLIS
  }

  /** The identity of a process, as the OS reports it now; in epoch millis where there is no {@code /proc}. */
  public static ProcessIdentity of(ProcessHandle process) {
    OptionalLong ticks = bootTicks(process.pid());
    if (ticks.isPresent()) {
      return new ProcessIdentity(process.pid(), ticks.getAsLong(), StartUnit.BOOT_TICKS);
    }
    return new ProcessIdentity(process.pid(), epochMillis(process), StartUnit.EPOCH_MILLIS);
  }

  public static ProcessIdentity current() {
    return of(ProcessHandle.current());
  }

  /** Reads {@link #text()}; empty for anything else. */
  public static Optional<ProcessIdentity> parse(String text) {
    String[] parts = text.strip().split(" ");
    boolean ticks = parts.length == 3 && parts[2].equals("ticks");
    if (parts.length != 2 && !ticks) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ProcessIdentity(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
          ticks ? StartUnit.BOOT_TICKS : StartUnit.EPOCH_MILLIS));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public String text() {
    return unit == StartUnit.BOOT_TICKS ? pid + " " + start + " ticks" : pid + " " + start;
  }

  /** The process, if it still runs and is the one that was recorded (same pid, same start). */
  public Optional<ProcessHandle> live() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> startOf(p) == start);
  }

  private long startOf(ProcessHandle process) {
    return switch (unit) {
      case BOOT_TICKS -> bootTicks(process.pid()).orElse(-1);
      case EPOCH_MILLIS -> epochMillis(process);
    };
  }

  private static long epochMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  /** Field 22 of {@code /proc/<pid>/stat}; empty if the process is gone or there is no {@code /proc}. */
  static OptionalLong bootTicks(long pid) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException | SecurityException e) {
      return OptionalLong.empty();
    }
    // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
    String[] after = stat.substring(stat.lastIndexOf(')') + 1).strip().split(" ");
    if (after.length < 20) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(after[19]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
