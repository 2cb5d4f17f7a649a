package dev.privatelink.dataplane.fabric;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Interface names, which Linux limits to 15 characters: derived deterministically from resource
 * ids (a hash, since AWS ids are longer than that) so a restarted run finds its own links again.
 */
public final class LinkNames {
  /** The instance side of its veth; AWS instances see a plain first interface too. */
  public static final String INSTANCE_SIDE = "eth0";

  private LinkNames() {}

  /** The router side of an instance's veth, e.g. {@code plr3fa9c1d2e4b7}: 15 characters. */
  public static String routerSide(String instanceId) {
    return "plr" + hash(instanceId).substring(0, 12);
  }

  private static String hash(String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
