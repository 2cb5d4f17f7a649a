package dev.privatelink.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifiers that AWS keeps fixed per region (AWS-managed prefix lists, AWS services' endpoint
 * service ids): derived from a name, so every account, run and replay sees the same one.
 */
public final class StableIds {
  private StableIds() {}

  /** {@code length} lowercase hex digits (at most 64) derived from {@code name}. */
  public static String hex(String name, int length) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
