package dev.privatelink.control.query;

import dev.privatelink.control.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Describe result and the token for the next ({@code null} on the last page).
 *
 * <p>Tokens are opaque to callers and keyed on items, not offsets: a token names the last item
 * returned and the one after it, so deleting items between two calls neither skips nor repeats
 * any. The next page starts after the last item returned; if that one is gone, at the one that
 * followed it; only if both are gone, at the position they had. A token this server did not issue
 * is the error {@code badToken} makes (EC2, ELBv2 and ACM name it differently).
 */
public record Page<T>(List<T> items, @Nullable String nextToken) {
  private static final String VERSION = "k1";
  private static final char SEPARATOR = '\u0000';

  /**
   * Cuts {@code all} after the item {@code startToken} names, for at most {@code maxResults} items.
   *
   * @param key each item's unique, stable key (its id or ARN)
   * @param maxResults null for everything; values under 1 mean 1
   * @param badToken the AWS error for a token we cannot read, given the token
   */
  public static <T> Page<T> of(List<T> all, Function<T, String> key, @Nullable Integer maxResults, @Nullable String startToken,
      Function<String, AwsException> badToken) {
    int start = startToken == null || startToken.isEmpty() ? 0 : Token.decode(startToken, badToken).resumeIn(all, key);
    if (maxResults == null) {
      return new Page<>(List.copyOf(all.subList(start, all.size())), null);
    }
    int end = (int) Math.min(all.size(), (long) start + Math.max(maxResults, 1));
    String next = end < all.size() && end > 0 ? new Token(key.apply(all.get(end - 1)), key.apply(all.get(end)), end).encode() : null;
    return new Page<>(List.copyOf(all.subList(start, end)), next);
  }

  /** The same page with each item transformed (a record rendered as its SDK shape). */
  public <R> Page<R> map(Function<? super T, ? extends R> render) {
    return new Page<>(items.stream().<R>map(render).toList(), nextToken);
  }

  /** What a token holds: the last key returned, the next key, and the offset as a last resort. */
  private record Token(String last, String next, int offset) {
    <T> int resumeIn(List<T> all, Function<T, String> key) {
      int lastAt = indexOf(all, key, last);
      if (lastAt >= 0) {
        return lastAt + 1;
      }
      int nextAt = indexOf(all, key, next);
      return nextAt >= 0 ? nextAt : Math.min(offset, all.size());
    }

    private static <T> int indexOf(List<T> all, Function<T, String> key, String wanted) {
      for (int i = 0; i < all.size(); i++) {
        if (wanted.equals(key.apply(all.get(i)))) {
          return i;
        }
      }
      return -1;
    }

    String encode() {
      String text = VERSION + SEPARATOR + offset + SEPARATOR + last + SEPARATOR + next;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Token decode(String token, Function<String, AwsException> badToken) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
          throw badToken.apply(token);
        }
        int offset = Integer.parseInt(parts[1]);
        if (offset < 0) {
          throw badToken.apply(token);
        }
        return new Token(parts[2], parts[3], offset);
      } catch (IllegalArgumentException e) {
        throw badToken.apply(token);
      }
    }
  }
}
