package dev.privatelink.model;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes the random parts of AWS identifiers. Each mutation gets its own source seeded from a value
 * the journal records, so replaying the journal makes the same identifiers again.
 */
public final class IdSource {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private final SplittableRandom random;

  public IdSource(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@code prefix-} and 17 lowercase hex digits, AWS's EC2 id format (e.g. {@code vpc-0a1b…}). */
  public String ec2Id(String prefix) {
    return prefix + "-" + hex(17);
  }

  public String hex(int length) {
    return draw(HEX, length);
  }

  /** Lowercase letters and digits, as in the 8-character part of endpoint DNS names. */
  public String alnum(int length) {
    return draw(ALNUM, length);
  }

  public String uuid() {
    return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
  }

  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private String draw(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
