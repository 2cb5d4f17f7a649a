package dev.privatelink.util.process;

import java.time.Instant;
import java.util.Optional;

/**
 * A process as recorded for later: its pid and the time it started. A pid alone is not an
 * identity, since after a crash the kernel hands the number to an unrelated process; the pair is.
 * Written as {@code "<pid> <start epoch millis>"}; a start of 0 means the OS did not say.
 */
public record ProcessIdentity(long pid, long startMillis) {
  /** The identity of a process, as the OS reports it now. */
  public static ProcessIdentity of(ProcessHandle process) {
    return new ProcessIdentity(process.pid(), process.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
  }

  public static ProcessIdentity current() {
    return of(ProcessHandle.current());
  }

  /** Reads {@link #text()}; empty for anything else. */
  public static Optional<ProcessIdentity> parse(String text) {
    String[] parts = text.strip().split(" ");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ProcessIdentity(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public String text() {
    return pid + " " + startMillis;
  }

  /** The process, if it still runs and is the one that was recorded (same pid, same start). */
  public Optional<ProcessHandle> live() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> of(p).equals(this));
  }
}
