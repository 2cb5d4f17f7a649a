package dev.privatelink.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ELB security policies as AWS documents them: the TLS versions and the cipher suites (OpenSSL
 * names in preference order; TLS 1.3 suites by their IANA names) each allows. One table serves
 * DescribeSSLPolicies and the TLS listeners that enforce them.
 */
public final class SslPolicies {
  /** The policy HTTPS and TLS listeners get when CreateListener names none (the CLI's documented default). */
  public static final String DEFAULT = "ELBSecurityPolicy-2016-08";

  /** One security policy. */
  public record Policy(String name, List<String> protocols, List<String> ciphers) {
    public Policy {
      protocols = List.copyOf(protocols);
      ciphers = List.copyOf(ciphers);
    }
  }

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

  private static final List<Policy> POLICIES = List.of(
      new Policy("ELBSecurityPolicy-2016-08", V10_12, concat(ECDHE_ALL, RSA_ALL)),
      new Policy("ELBSecurityPolicy-2015-05", V10_12, concat(ECDHE_ALL, RSA_ALL)),
      new Policy("ELBSecurityPolicy-TLS-1-0-2015-04", V10_12, concat(ECDHE_ALL, RSA_ALL, List.of("DES-CBC3-SHA"))),
      new Policy("ELBSecurityPolicy-TLS-1-1-2017-01", V11_12, concat(ECDHE_ALL, RSA_ALL)),
      new Policy("ELBSecurityPolicy-TLS-1-2-2017-01", V12, concat(ECDHE_1_2, RSA_1_2)),
      new Policy("ELBSecurityPolicy-TLS-1-2-Ext-2018-06", V12, concat(ECDHE_ALL, RSA_ALL)),
      new Policy("ELBSecurityPolicy-FS-2018-06", V10_12, ECDHE_ALL),
      new Policy("ELBSecurityPolicy-FS-1-1-2019-08", V11_12, ECDHE_ALL),
      new Policy("ELBSecurityPolicy-FS-1-2-2019-08", V12, ECDHE_ALL),
      new Policy("ELBSecurityPolicy-FS-1-2-Res-2019-08", V12, ECDHE_1_2),
      new Policy("ELBSecurityPolicy-FS-1-2-Res-2020-10", V12, ECDHE_GCM),
      new Policy("ELBSecurityPolicy-TLS13-1-2-2021-06", V12_13, concat(TLS13, ECDHE_1_2)),
      new Policy("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", V12_13, concat(TLS13, ECDHE_GCM)),
      new Policy("ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", V12_13, concat(TLS13, ECDHE_1_2, RSA_1_2)),
      new Policy("ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06", V12_13, concat(TLS13, ECDHE_ALL, RSA_ALL)),
      new Policy("ELBSecurityPolicy-TLS13-1-1-2021-06", List.of("TLSv1.1", "TLSv1.2", "TLSv1.3"), concat(TLS13, ECDHE_ALL, RSA_ALL)),
      new Policy("ELBSecurityPolicy-TLS13-1-0-2021-06", List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"), concat(TLS13, ECDHE_ALL, RSA_ALL)),
      new Policy("ELBSecurityPolicy-TLS13-1-3-2021-06", List.of("TLSv1.3"), TLS13));

  private SslPolicies() {}

  public static List<Policy> all() {
    return POLICIES;
  }

  public static Optional<Policy> find(String name) {
    return POLICIES.stream().filter(p -> p.name().equals(name)).findFirst();
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
