package dev.privatelink.dataplane.elb;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The headers an ALB adds to a forwarded request, and the hop-by-hop ones it must not pass on.
 * X-Forwarded-For appends the client address; X-Amzn-Trace-Id gets a new Root, or a Self field in
 * front of the caller's fields when the caller already sent a Root.
 */
final class ForwardedHeaders {
  static final String XFF = "X-Forwarded-For";
  static final String TRACE = "X-Amzn-Trace-Id";
  private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
      HttpHeaderNames.PROXY_CONNECTION, HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE,
      HttpHeaderNames.TRANSFER_ENCODING, "proxy-authenticate");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ForwardedHeaders() {}

  static void apply(HttpHeaders h, String clientIp, boolean https, int port) {
    String xff = h.get(XFF);
    h.set(XFF, xff == null || xff.isBlank() ? clientIp : xff + ", " + clientIp);
    h.set("X-Forwarded-Proto", https ? "https" : "http");
    h.set("X-Forwarded-Port", Integer.toString(port));
    String trace = h.get(TRACE);
    if (trace != null && trace.contains("Root=")) {
      h.set(TRACE, "Self=" + traceId() + ";" + trace);
    } else {
      h.set(TRACE, "Root=" + traceId());
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
    for (CharSequence name : HOP_BY_HOP) {
      h.remove(name);
    }
  }

  /** {@code 1-<8 hex epoch seconds>-<24 hex random>}, X-Ray's trace id format. */
  static String traceId() {
    StringBuilder sb = new StringBuilder(35).append("1-");
    hex(sb, System.currentTimeMillis() / 1000, 8);
    sb.append('-');
    ThreadLocalRandom r = ThreadLocalRandom.current();
    hex(sb, r.nextLong(), 16);
    hex(sb, r.nextInt() & 0xFFFFFFFFL, 8);
    return sb.toString();
  }

  private static void hex(StringBuilder sb, long v, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      sb.append(HEX[(int) (v >>> (i * 4)) & 0xF]);
    }
  }
}
