package dev.privatelink.control.ec2.prefixlist;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.ec2.model.PrefixListState;

/**
 * A customer-managed prefix list: its settings and every version of its entries (version N is
 * {@code versions.get(N - 1)}), so GetManagedPrefixListEntries can answer for an earlier version.
 *
 * @param addressFamily {@code IPv4} or {@code IPv6}
 * @param state the settled state Describe shows: {@code create-complete}, or {@code modify-complete}
 *     once modified (Terraform waits for exactly that after a modification)
 */
public record ManagedPrefixListRecord(String prefixListId, String name, String addressFamily, int maxEntries,
    String ownerId, PrefixListState state, List<List<PrefixListEntry>> versions) {
  public ManagedPrefixListRecord {
    versions = versions.stream().map(List::copyOf).toList();
  }

  public long version() {
    return versions.size();
  }

  /** The entries of the current version. */
  public List<PrefixListEntry> entries() {
    return versions.getLast();
  }

  public List<String> cidrs() {
    return entries().stream().map(PrefixListEntry::cidr).toList();
  }

  ManagedPrefixListRecord withEntries(List<PrefixListEntry> entries) {
    List<List<PrefixListEntry>> next = new ArrayList<>(versions);
    next.add(entries);
    return new ManagedPrefixListRecord(prefixListId, name, addressFamily, maxEntries, ownerId,
        PrefixListState.MODIFY_COMPLETE, next);
  }

  ManagedPrefixListRecord withSettings(String newName, int newMaxEntries) {
    return new ManagedPrefixListRecord(prefixListId, newName, addressFamily, newMaxEntries, ownerId,
        PrefixListState.MODIFY_COMPLETE, versions);
  }
}
