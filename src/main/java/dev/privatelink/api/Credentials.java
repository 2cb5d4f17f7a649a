package dev.privatelink.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The access keys strict mode accepts, read from a file in the AWS shared-credentials format
 * ({@code aws_access_key_id} / {@code aws_secret_access_key} pairs under {@code [profile]} headers).
 */
public final class Credentials {
  private final Map<String, String> secrets;

  private Credentials(Map<String, String> secrets) {
    this.secrets = Map.copyOf(secrets);
  }

  public static Credentials load(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    String key = null;
    String secret = null;
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.startsWith("[")) {
        put(out, key, secret);
        key = null;
        secret = null;
      } else if (line.startsWith("aws_access_key_id")) {
        key = value(line);
      } else if (line.startsWith("aws_secret_access_key")) {
        secret = value(line);
      }
    }
    put(out, key, secret);
    return new Credentials(out);
  }

  public static Credentials of(Map<String, String> secrets) {
    return new Credentials(secrets);
  }

  Optional<String> secretFor(String accessKeyId) {
    return Optional.ofNullable(secrets.get(accessKeyId));
  }

  private static void put(Map<String, String> out, @Nullable String key, @Nullable String secret) {
    if (key != null && secret != null) {
      out.put(key, secret);
    }
  }

  private static String value(String line) {
    int eq = line.indexOf('=');
    return eq < 0 ? "" : line.substring(eq + 1).strip();
  }
}
