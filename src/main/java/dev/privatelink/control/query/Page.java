package dev.privatelink.control.query;

import dev.privatelink.control.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Describe result and the token for the next ({@code null} on the last page).
 * Tokens are opaque to callers; a token this server did not issue is an InvalidNextToken... error
 * whose code the caller chooses (EC2 and ELBv2 name it differently).
 */
public record Page<T>(List<T> items, @Nullable String nextToken) {
  /**
   * Cuts {@code all} at {@code startToken} for at most {@code maxResults} items.
   *
   * @param maxResults null for everything
   * @param badTokenCode the AWS error code for a token we cannot read
   */
  public static <T> Page<T> of(List<T> all, @Nullable Integer maxResults, @Nullable String startToken, String badTokenCode) {
    int start = startToken == null || startToken.isEmpty() ? 0 : decode(startToken, badTokenCode);
    if (start > all.size()) {
      throw AwsException.badRequest(badTokenCode, "Invalid token: " + startToken);
    }
    if (maxResults == null) {
      return new Page<>(all.subList(start, all.size()), null);
    }
    int end = (int) Math.min(all.size(), (long) start + Math.max(maxResults, 1));
    String next = end < all.size() ? encode(end) : null;
    return new Page<>(List.copyOf(all.subList(start, end)), next);
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token, String badTokenCode) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith("o:")) {
        throw new IllegalArgumentException(text);
      }
      return Integer.parseInt(text.substring(2));
    } catch (IllegalArgumentException e) {
      throw AwsException.badRequest(badTokenCode, "Invalid token: " + token);
    }
  }
}
