package dev.privatelink.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * AWS-shaped ids that carry a per-JVM random tag, so a test run's host objects are recognisable
 * (and never collide with another run on the same machine).
 */
public final class TestIds {
  /** Six hex digits, the same for every id this JVM makes. */
  public static final String RUN_TAG = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
  private static final AtomicLong COUNTER = new AtomicLong();

  private TestIds() {}

  /** e.g. {@code vpc-3fa9c1000000000004}: prefix, the run tag, then a counter, 17 hex digits. */
  public static String next(String prefix) {
    return prefix + "-" + RUN_TAG + String.format("%011x", COUNTER.incrementAndGet());
  }
}
