package dev.privatelink.dataplane.elb;

import java.util.ArrayList;
import dev.privatelink.model.SslPolicies;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A listener's security policy (from the one table in {@link SslPolicies}) as Netty needs it: its
 * cipher suites by their Java (IANA) names. Suites BoringSSL lacks (the CBC-SHA256/384 ones) are
 * dropped when the context is built, as they are absent from the handshake anyway.
 */
public final class PolicyCiphers {
  private static final Pattern ECDHE = Pattern.compile("ECDHE-(ECDSA|RSA)-AES(128|256)-(GCM-)?SHA(256|384)?");
  private static final Pattern RSA = Pattern.compile("AES(128|256)-(GCM-)?SHA(256|384)?");

  private PolicyCiphers() {}

  /** The policy of that name; an unknown or missing name gets the API default. */
  public static SslPolicies.Policy of(@Nullable String name) {
    return SslPolicies.find(name == null ? "" : name)
        .orElseGet(() -> SslPolicies.find(SslPolicies.DEFAULT).orElseThrow());
  }

  /** Netty filters cipher lists by their Java (IANA) names, so the OpenSSL names are converted. */
  static List<String> javaCipherNames(SslPolicies.Policy p) {
    List<String> out = new ArrayList<>();
    for (String c : p.ciphers()) {
      out.add(javaName(c));
    }
    return out;
  }

  static String javaName(String openssl) {
    if (openssl.startsWith("TLS_")) {
      return openssl;
    }
    if (openssl.equals("DES-CBC3-SHA")) {
      return "TLS_RSA_WITH_3DES_EDE_CBC_SHA";
    }
    Matcher m = ECDHE.matcher(openssl);
    if (m.matches()) {
      return "TLS_ECDHE_" + m.group(1) + "_WITH_AES_" + m.group(2) + suffix(m.group(3), m.group(4));
    }
    m = RSA.matcher(openssl);
    if (m.matches()) {
      return "TLS_RSA_WITH_AES_" + m.group(1) + suffix(m.group(2), m.group(3));
    }
    return openssl;
  }

  private static String suffix(String gcm, String sha) {
    return (gcm != null ? "_GCM" : "_CBC") + "_SHA" + (sha == null ? "" : sha);
  }
}
