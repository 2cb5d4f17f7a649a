package dev.privatelink.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as the protocols need it: method, path, raw query, lower-case headers, body.
 */
public record ApiRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
  /** The first value of a header, by lower-case name, or null. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }
}
