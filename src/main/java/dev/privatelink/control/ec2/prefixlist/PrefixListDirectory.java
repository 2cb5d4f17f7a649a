package dev.privatelink.control.ec2.prefixlist;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.PrefixListAssociation;

/**
 * Finds prefix lists by id for other EC2 features (security group rules, the data-plane
 * projection): the account's own in its region, or AWS's of the region; and what uses one.
 */
public final class PrefixListDirectory {
  private PrefixListDirectory() {}

  /** True if the id names a prefix list the caller may reference. */
  public static boolean exists(Ec2State state, Scope scope, String id) {
    return cidrs(state, scope, id).isPresent();
  }

  /** The current CIDRs of a prefix list the caller may reference, if it exists. */
  public static Optional<List<String>> cidrs(Ec2State state, Scope scope, String id) {
    if (id == null) {
      return Optional.empty();
    }
    return state.prefixLists().find(scope, id).map(ManagedPrefixListRecord::cidrs)
        .or(() -> AwsPrefixLists.byId(scope.region(), id).map(AwsPrefixLists.AwsPrefixList::cidrs));
  }

  /** The resources of the scope that reference the list: security groups' rules and route tables' routes. */
  static List<PrefixListAssociation> associations(Ec2State state, Scope scope, String id) {
    List<PrefixListAssociation> out = new ArrayList<>();
    state.securityGroups().all(scope).stream()
        .filter(g -> g.rules().stream().anyMatch(r -> id.equals(r.prefixListId())))
        .forEach(g -> out.add(association(g.groupId(), g.ownerId())));
    state.routeTables().all(scope).stream()
        .filter(t -> t.routes().stream().anyMatch(r -> id.equals(r.destinationPrefixListId())))
        .forEach(t -> out.add(association(t.routeTableId(), t.ownerId())));
    return out;
  }

  private static PrefixListAssociation association(String resourceId, String owner) {
    return PrefixListAssociation.builder().resourceId(resourceId).resourceOwner(owner).build();
  }
}
