package dev.privatelink.dataplane.fabric;

/**
 * An IPv4 CIDR block with the address arithmetic the fabric needs (gateway at base+1, resolver at
 * base+2). Kept here rather than shared because the data plane must not depend on the control
 * plane's model classes.
 */
public record Cidr(int base, int prefix) {
  public Cidr {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix out of range: " + prefix);
    }
    base &= mask(prefix);
  }

  /** Parses {@code a.b.c.d/n}. */
  public static Cidr parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR: " + cidr);
    }
    return new Cidr(toInt(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
  }

  /** The dotted address {@code base + offset}, e.g. {@code host(1)} is the subnet's gateway. */
  public String host(int offset) {
    return toDotted(base + offset);
  }

  public boolean contains(String ip) {
    return (toInt(ip) & mask(prefix)) == base;
  }

  @Override
  public String toString() {
    return toDotted(base) + "/" + prefix;
  }

  static int toInt(String dotted) {
    String[] parts = dotted.split("\\.");
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + dotted);
    }
    int v = 0;
    for (String p : parts) {
      int octet = Integer.parseInt(p);
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + dotted);
      }
      v = (v << 8) | octet;
    }
    return v;
  }

  static String toDotted(int v) {
    return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
  }

  private static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }
}
