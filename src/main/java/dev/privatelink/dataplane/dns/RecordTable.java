package dev.privatelink.dataplane.dns;

import dev.privatelink.dataplane.spec.DnsRecord;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The records one VPC resolver answers, and the decision for a question. Names compare exactly but
 * case-insensitively, without the trailing dot; a {@code *} first label stands for any names below. A name inside a zone the resolver serves but
 * without records is NXDOMAIN; anything outside those zones is REFUSED because there is no upstream
 * (no internet here). Zones are the region's instance domains plus the parent of every record name.
 * Immutable; the resolver swaps in a new table on every reconcile.
 */
public final class RecordTable {
  private final Map<String, List<DnsRecord>> byName = new HashMap<>();
  private final Set<String> zones = new HashSet<>();

  public RecordTable(String region, List<DnsRecord> records) {
    zones.add("ec2.internal");
    zones.add(region + ".compute.internal");
    for (DnsRecord r : records) {
      String name = normalize(r.name());
      byName.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(r);
      int dot = name.indexOf('.');
      if (dot > 0 && name.indexOf('.', dot + 1) > 0) {
        zones.add(name.substring(dot + 1));
      }
    }
    byName.replaceAll((k, v) -> List.copyOf(v));
  }

  /** What a question gets. */
  public sealed interface Answer {
    /** Records of the asked type (A or TXT). */
    record Found(List<DnsRecord> records) implements Answer {}

    /** The name exists, but has no record of that type (NOERROR, empty answer). */
    record NoData() implements Answer {}

    /** No such name in a zone we serve. */
    record NxDomain() implements Answer {}

    /** Not our zone, and there is no upstream to ask. */
    record Refused() implements Answer {}
  }

  /** Answers {@code name} (any case, dot or not) for {@code type} ({@code A}, {@code TXT}, …). */
  public Answer lookup(String name, String type) {
    String n = normalize(name);
    List<DnsRecord> records = byName.containsKey(n) ? byName.get(n) : wildcard(n);
    if (records != null) {
      List<DnsRecord> ofType = records.stream().filter(r -> r.type().equalsIgnoreCase(type)).toList();
      return ofType.isEmpty() ? new Answer.NoData() : new Answer.Found(ofType);
    }
    for (String zone : zones) {
      if (n.equals(zone) || n.endsWith("." + zone)) {
        return new Answer.NxDomain();
      }
    }
    return new Answer.Refused();
  }

  /**
   * The records of the closest wildcard name above {@code n} ({@code *.s3.us-east-1.amazonaws.com}
   * answers {@code bucket.s3.us-east-1.amazonaws.com}), or null. Private DNS names of some AWS
   * services are wildcards.
   */
  private List<DnsRecord> wildcard(String n) {
    for (int dot = n.indexOf('.'); dot > 0; dot = n.indexOf('.', dot + 1)) {
      List<DnsRecord> found = byName.get("*" + n.substring(dot));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  static String normalize(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
