package dev.privatelink.control.elb;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ELB security policies: the TLS protocol versions and OpenSSL cipher names (in preference
 * order) each allows, as AWS documents them. The data plane configures TLS listeners from the
 * same table. TLS 1.3 suites use their IANA names, as AWS lists them.
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

  private static final List<String> TLS13 = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256");
  private static final List<String> FS_GCM = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
      "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384");
  private static final List<String> TLS12 = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
      "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
      "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA384", "AES128-GCM-SHA256",
      "AES128-SHA256", "AES256-GCM-SHA384", "AES256-SHA256");
  private static final List<String> LEGACY = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
      "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA",
      "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384",
      "ECDHE-RSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA", "ECDHE-ECDSA-AES256-SHA", "AES128-GCM-SHA256",
      "AES128-SHA256", "AES128-SHA", "AES256-GCM-SHA384", "AES256-SHA256", "AES256-SHA");

  private static final List<Policy> POLICIES = List.of(
      new Policy("ELBSecurityPolicy-2016-08", List.of("TLSv1", "TLSv1.1", "TLSv1.2"), LEGACY),
      new Policy("ELBSecurityPolicy-TLS-1-1-2017-01", List.of("TLSv1.1", "TLSv1.2"), LEGACY),
      new Policy("ELBSecurityPolicy-TLS-1-2-2017-01", List.of("TLSv1.2"), TLS12),
      new Policy("ELBSecurityPolicy-TLS-1-2-Ext-2018-06", List.of("TLSv1.2"), LEGACY),
      new Policy("ELBSecurityPolicy-FS-1-2-Res-2020-10", List.of("TLSv1.2"), FS_GCM),
      new Policy("ELBSecurityPolicy-TLS13-1-2-2021-06", List.of("TLSv1.2", "TLSv1.3"), concat(TLS13, TLS12)),
      new Policy("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", List.of("TLSv1.2", "TLSv1.3"), concat(TLS13, FS_GCM)),
      new Policy("ELBSecurityPolicy-TLS13-1-3-2021-06", List.of("TLSv1.3"), TLS13));

  private SslPolicies() {}

  public static List<Policy> all() {
    return POLICIES;
  }

  public static Optional<Policy> find(String name) {
    return POLICIES.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
