package dev.privatelink.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The token that lets the CLI on this machine act for the whole cloud (reset everything, see
 * every account's instances and notifications): a new random value at each start, in the file
 * {@code local-token} of the data dir, readable by its owner (root) only. The CLI reads it and
 * sends it in the {@code X-Privatelink-Token} header.
 */
public final class LocalToken {
  static final String FILE = "local-token";

  private LocalToken() {}

  /** Makes a new token and writes it (mode 0600) before the API opens. */
  static String create(Path dataDir) throws IOException {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Path file = file(dataDir);
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, token, StandardOpenOption.TRUNCATE_EXISTING);
    return token;
  }

  /** The token of the cloud running on {@code dataDir}, for the CLI. */
  public static String read(Path dataDir) throws IOException {
    return Files.readString(file(dataDir)).strip();
  }

  public static Path file(Path dataDir) {
    return dataDir.resolve(FILE);
  }
}
