package dev.privatelink.dataplane.spec;

import java.util.List;

/** A record the VPC resolver answers: type {@code A} (IPv4 values) or {@code TXT}. */
public record DnsRecord(String name, String type, List<String> values, int ttl) {
  public DnsRecord {
    values = List.copyOf(values);
  }
}
