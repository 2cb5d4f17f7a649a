package dev.privatelink.api;

import dev.privatelink.control.AwsException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code application/x-www-form-urlencoded} text into its first value per name. */
final class FormBody {
  private FormBody() {}

  static Map<String, String> parse(String... parts) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String text : parts) {
      if (text == null || text.isEmpty()) {
        continue;
      }
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        out.putIfAbsent(name, value);
      }
    }
    return out;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // AWS names the problem, not the parser's internals.
      throw AwsException.badRequest("MalformedQueryString", "The request contains a malformed percent-encoded sequence.");
    }
  }
}
