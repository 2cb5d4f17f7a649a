package dev.privatelink.dataplane.elb;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The headers an ALB adds to a forwarded request, and the hop-by-hop ones it must not pass on.
 * X-Forwarded-For appends the client address; X-Amzn-Trace-Id gets a new Root, or a Self field in
 * front of the caller's fields when the caller already sent a Root.
 *
 * <p>Names and fixed values are {@link AsciiString}s: their hash is computed once and the HTTP
 * encoder copies their bytes as they are, where a String is hashed per lookup and encoded per char.
 */
final class ForwardedHeaders {
  static final AsciiString XFF = AsciiString.cached("X-Forwarded-For");
  static final AsciiString TRACE = AsciiString.cached("X-Amzn-Trace-Id");
  private static final AsciiString PROTO = AsciiString.cached("X-Forwarded-Proto");
  private static final AsciiString PORT = AsciiString.cached("X-Forwarded-Port");
  private static final AsciiString HTTPS = AsciiString.cached("https");
  private static final AsciiString HTTP = AsciiString.cached("http");
  private static final List<AsciiString> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
      HttpHeaderNames.PROXY_CONNECTION, HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE,
      HttpHeaderNames.TRANSFER_ENCODING, AsciiString.cached("proxy-authenticate"));
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ROOT = "Root=".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NO_PREFIX = {};

  private ForwardedHeaders() {}

  /**
   * What one connection adds to each of its requests, formatted once per connection.
   *
   * @param clientIp the client's address as X-Forwarded-For carries it
   */
  record Connection(AsciiString clientIp, boolean https, AsciiString port) {
    static Connection of(String clientIp, boolean https, int port) {
      return new Connection(new AsciiString(clientIp), https, new AsciiString(Integer.toString(port)));
    }
  }

  static void apply(HttpHeaders h, Connection c) {
    String xff = h.get(XFF);
    if (xff == null || xff.isBlank()) {
      h.set(XFF, c.clientIp());
    } else {
      h.set(XFF, xff + ", " + c.clientIp());
    }
    h.set(PROTO, c.https() ? HTTPS : HTTP);
    h.set(PORT, c.port());
    String trace = h.get(TRACE);
    if (trace != null && trace.contains("Root=")) {
      h.set(TRACE, "Self=" + traceId() + ";" + trace);
    } else {
      h.set(TRACE, rootField());
    }
  }

  /** Removes headers that describe one hop only, including those the Connection header names. */
  static void stripHopByHop(HttpHeaders h) {
    String connection = h.get(HttpHeaderNames.CONNECTION);
    if (connection != null) {
      for (String name : connection.split(",")) {
        String n = name.trim();
        if (!n.isEmpty() && !n.equalsIgnoreCase("close") && !n.equalsIgnoreCase("keep-alive")) {
          h.remove(n);
        }
      }
    }
    for (AsciiString name : HOP_BY_HOP) {
      h.remove(name);
    }
  }

  /** {@code 1-<8 hex epoch seconds>-<24 hex random>}, X-Ray's trace id format. */
  static String traceId() {
    return new String(id(NO_PREFIX), StandardCharsets.US_ASCII);
  }

  /** {@code Root=} and a new trace id, written straight into the bytes the header encoder copies. */
  private static AsciiString rootField() {
    return new AsciiString(id(ROOT), false);
  }

  private static byte[] id(byte[] prefix) {
    byte[] b = new byte[prefix.length + 35];
    System.arraycopy(prefix, 0, b, 0, prefix.length);
    int i = prefix.length;
    b[i++] = '1';
    b[i++] = '-';
    i = hex(b, i, System.currentTimeMillis() / 1000, 8);
    b[i++] = '-';
    ThreadLocalRandom r = ThreadLocalRandom.current();
    i = hex(b, i, r.nextLong(), 16);
    hex(b, i, r.nextInt() & 0xFFFFFFFFL, 8);
    return b;
  }

  private static int hex(byte[] b, int at, long v, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      b[at++] = HEX[(int) (v >>> (i * 4)) & 0xF];
    }
    return at;
  }
}
