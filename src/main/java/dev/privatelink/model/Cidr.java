package dev.privatelink.model;

/**
 * An IPv4 CIDR block such as {@code 10.0.0.0/16}. Parsing is strict: the address must be the
 * network address of the block, as AWS requires for VPCs and subnets.
 */
public record Cidr(int network, int prefixLength) {
  public Cidr {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
    network = network & mask(prefixLength);
  }

  /** Parses {@code a.b.c.d/n}; throws IllegalArgumentException if malformed or host bits are set. */
  public static Cidr parse(String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR block: " + text);
    }
    int address = Ipv4.parse(text.substring(0, slash));
    int length;
    try {
      length = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR block: " + text, e);
    }
    if (length < 0 || length > 32 || (address & ~mask(length)) != 0) {
      throw new IllegalArgumentException("not a CIDR block: " + text);
    }
    return new Cidr(address, length);
  }

  /** True if {@code text} parses as a valid CIDR block. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static int mask(int prefixLength) {
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }

  public long size() {
    return 1L << (32 - prefixLength);
  }

  /** The n-th address of the block (0 is the network address). */
  public int address(long n) {
    return network + (int) n;
  }

  public String addressText(long n) {
    return Ipv4.format(address(n));
  }

  /** The dotted address at {@code offset} from the network address (base + 1 is a subnet's router). */
  public String host(long offset) {
    return addressText(offset);
  }

  /** True if the dotted IPv4 address lies in this block; false for anything else (IPv6 included). */
  public boolean contains(String address) {
    return Ipv4.isValid(address) && contains(Ipv4.parse(address));
  }

  public boolean contains(int address) {
    return (address & mask(prefixLength)) == network;
  }

  public boolean contains(Cidr other) {
    return other.prefixLength >= prefixLength && contains(other.network);
  }

  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  /** Offset of {@code address} from the network address. */
  public long offsetOf(int address) {
    return Integer.toUnsignedLong(address - network);
  }

  /** The sub-block that Terraform's {@code cidrsubnet(this, newbits, index)} names. */
  public Cidr subnet(int newBits, int index) {
    int length = prefixLength + newBits;
    return new Cidr(network + (index << (32 - length)), length);
  }

  @Override
  public String toString() {
    return Ipv4.format(network) + "/" + prefixLength;
  }
}
