package dev.privatelink.control.ec2.prefixlist;

import dev.privatelink.control.AwsException;
import dev.privatelink.model.Cidr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AddPrefixListEntry;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.ec2.model.RemovePrefixListEntry;

/**
 * The entries of a prefix list as a change makes them: CIDRs of the list's address family, one
 * entry per CIDR (adding a CIDR again replaces its description, as AWS documents), never more than
 * the list's maximum.
 */
final class PrefixListEntries {
  static final int MAX_DESCRIPTION = 255;

  private PrefixListEntries() {}

  /** The entries after removing, then adding; validated before anything is changed. */
  static List<PrefixListEntry> apply(String family, int maxEntries, List<PrefixListEntry> current,
      List<RemovePrefixListEntry> remove, List<AddPrefixListEntry> add) {
    Map<String, PrefixListEntry> byCidr = new LinkedHashMap<>();
    current.forEach(e -> byCidr.put(e.cidr(), e));
    for (RemovePrefixListEntry r : remove) {
      String cidr = cidr(family, r.cidr());
      if (byCidr.remove(cidr) == null) {
        throw AwsException.invalidParameterValue("The CIDR " + cidr + " does not exist in the prefix list.");
      }
    }
    for (AddPrefixListEntry a : add) {
      String cidr = cidr(family, a.cidr());
      if (a.description() != null && a.description().length() > MAX_DESCRIPTION) {
        throw AwsException.invalidParameterValue("The description of an entry must be at most " + MAX_DESCRIPTION
            + " characters.");
      }
      byCidr.put(cidr, PrefixListEntry.builder().cidr(cidr).description(a.description()).build());
    }
    if (byCidr.size() > maxEntries) {
      throw AwsException.invalidParameterValue("The prefix list would have " + byCidr.size()
          + " entries, more than its maximum of " + maxEntries + ".");
    }
    return List.copyOf(byCidr.values());
  }

  /** A CIDR of the family, in canonical form; InvalidParameterValue otherwise. */
  static String cidr(String family, String text) {
    if (text == null || text.isEmpty()) {
      throw AwsException.missingParameter("The request must contain the parameter Cidr");
    }
    boolean v6 = text.contains(":");
    if (v6 != family.equals(ManagedPrefixLists.IPV6)) {
      throw AwsException.invalidParameterValue("The CIDR " + text + " does not match the address family "
          + family + " of the prefix list.");
    }
    if (v6) {
      if (!text.matches("[0-9a-fA-F:]+/\\d{1,3}")) {
        throw AwsException.invalidParameterValue("The CIDR " + text + " is invalid.");
      }
      return text.toLowerCase(Locale.ROOT);
    }
    try {
      return Cidr.parse(text).toString();
    } catch (IllegalArgumentException e) {
      throw AwsException.invalidParameterValue("The CIDR " + text + " is invalid.");
    }
  }
}
