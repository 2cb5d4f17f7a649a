package dev.privatelink.dataplane.elb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS's predefined ELB security policies: the TLS versions and cipher suites each one allows, in
 * the OpenSSL names AWS documents them with. Suites BoringSSL lacks (the CBC-SHA256/384 ones) are
 * dropped when the context is built, as they are absent from the handshake anyway.
 */
public final class SslPolicies {
  /** What the API uses when a listener names no policy. */
  public static final String DEFAULT = "ELBSecurityPolicy-2016-08";

  /** A policy: allowed protocol versions and cipher suites (OpenSSL names; TLS 1.3 ones in IANA names). */
  public record Policy(List<String> protocols, List<String> ciphers) {}

  private static final List<String> TLS13 = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
  private static final List<String> ECDHE_GCM = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
      "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384");
  private static final List<String> ECDHE_1_2 = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
      "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
      "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA384");
  private static final List<String> ECDHE_ALL = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
      "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA",
      "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384",
      "ECDHE-RSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA", "ECDHE-ECDSA-AES256-SHA");
  private static final List<String> RSA_1_2 = List.of("AES128-GCM-SHA256", "AES128-SHA256", "AES256-GCM-SHA384", "AES256-SHA256");
  private static final List<String> RSA_ALL = List.of("AES128-GCM-SHA256", "AES128-SHA256", "AES128-SHA",
      "AES256-GCM-SHA384", "AES256-SHA256", "AES256-SHA");
  private static final List<String> V10_12 = List.of("TLSv1", "TLSv1.1", "TLSv1.2");
  private static final List<String> V11_12 = List.of("TLSv1.1", "TLSv1.2");
  private static final List<String> V12 = List.of("TLSv1.2");
  private static final List<String> V12_13 = List.of("TLSv1.2", "TLSv1.3");

  private static final Map<String, Policy> POLICIES = Map.ofEntries(
      Map.entry("ELBSecurityPolicy-2016-08", new Policy(V10_12, concat(ECDHE_ALL, RSA_ALL))),
      Map.entry("ELBSecurityPolicy-2015-05", new Policy(V10_12, concat(ECDHE_ALL, RSA_ALL))),
      Map.entry("ELBSecurityPolicy-TLS-1-0-2015-04", new Policy(V10_12, concat(ECDHE_ALL, RSA_ALL, List.of("DES-CBC3-SHA")))),
      Map.entry("ELBSecurityPolicy-TLS-1-1-2017-01", new Policy(V11_12, concat(ECDHE_ALL, RSA_ALL))),
      Map.entry("ELBSecurityPolicy-TLS-1-2-2017-01", new Policy(V12, concat(ECDHE_1_2, RSA_1_2))),
      Map.entry("ELBSecurityPolicy-TLS-1-2-Ext-2018-06", new Policy(V12, concat(ECDHE_ALL, RSA_ALL))),
      Map.entry("ELBSecurityPolicy-FS-2018-06", new Policy(V10_12, ECDHE_ALL)),
      Map.entry("ELBSecurityPolicy-FS-1-1-2019-08", new Policy(V11_12, ECDHE_ALL)),
      Map.entry("ELBSecurityPolicy-FS-1-2-2019-08", new Policy(V12, ECDHE_ALL)),
      Map.entry("ELBSecurityPolicy-FS-1-2-Res-2019-08", new Policy(V12, ECDHE_1_2)),
      Map.entry("ELBSecurityPolicy-FS-1-2-Res-2020-10", new Policy(V12, ECDHE_GCM)),
      Map.entry("ELBSecurityPolicy-TLS13-1-2-2021-06", new Policy(V12_13, concat(TLS13, ECDHE_1_2))),
      Map.entry("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", new Policy(V12_13, concat(TLS13, ECDHE_GCM))),
      Map.entry("ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", new Policy(V12_13, concat(TLS13, ECDHE_1_2, RSA_1_2))),
      Map.entry("ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06", new Policy(V12_13, concat(TLS13, ECDHE_ALL, RSA_ALL))),
      Map.entry("ELBSecurityPolicy-TLS13-1-1-2021-06", new Policy(List.of("TLSv1.1", "TLSv1.2", "TLSv1.3"), concat(TLS13, ECDHE_ALL, RSA_ALL))),
      Map.entry("ELBSecurityPolicy-TLS13-1-0-2021-06", new Policy(List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"), concat(TLS13, ECDHE_ALL, RSA_ALL))),
      Map.entry("ELBSecurityPolicy-TLS13-1-3-2021-06", new Policy(List.of("TLSv1.3"), TLS13)));

  private static final Pattern ECDHE = Pattern.compile("ECDHE-(ECDSA|RSA)-AES(128|256)-(GCM-)?SHA(256|384)?");
  private static final Pattern RSA = Pattern.compile("AES(128|256)-(GCM-)?SHA(256|384)?");

  private SslPolicies() {}

  /** The policy of that name; an unknown or missing name gets the API default. */
  public static Policy of(String name) {
    Policy p = name == null ? null : POLICIES.get(name);
    return p != null ? p : POLICIES.get(DEFAULT);
  }

  public static boolean known(String name) {
    return POLICIES.containsKey(name);
  }

  /** Netty filters cipher lists by their Java (IANA) names, so the OpenSSL names are converted. */
  static List<String> javaCipherNames(Policy p) {
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

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l);
    }
    return List.copyOf(out);
  }
}
