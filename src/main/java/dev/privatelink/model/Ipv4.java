package dev.privatelink.model;

/** Dotted-quad IPv4 text to and from the int it stands for. */
public final class Ipv4 {
  private Ipv4() {}

  public static int parse(String text) {
    String[] parts = text == null ? new String[0] : text.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + text);
    }
    int value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not an IPv4 address: " + text);
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + text);
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static String format(int address) {
    return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
  }
}
