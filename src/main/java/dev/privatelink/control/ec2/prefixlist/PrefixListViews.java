package dev.privatelink.control.ec2.prefixlist;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.prefixlist.AwsPrefixLists.AwsPrefixList;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.PrefixListState;

/** Prefix lists as DescribeManagedPrefixLists and the Create/Modify/Delete answers show them. */
final class PrefixListViews {
  private PrefixListViews() {}

  /** A customer-managed list, in its settled state or, for a change's answer, the state the change shows. */
  static ManagedPrefixList render(Ec2State state, Scope scope, ManagedPrefixListRecord p, PrefixListState shown) {
    return ManagedPrefixList.builder().prefixListId(p.prefixListId()).prefixListName(p.name())
        .addressFamily(p.addressFamily()).state(shown).maxEntries(p.maxEntries()).version(p.version())
        .ownerId(p.ownerId()).prefixListArn(arn(scope.region(), p.ownerId(), p.prefixListId()))
        .tags(state.tagList(scope, p.prefixListId())).build();
  }

  /** An AWS-managed list: owner {@code AWS}, its size as its maximum, never modified. */
  static ManagedPrefixList render(String region, AwsPrefixList p) {
    return ManagedPrefixList.builder().prefixListId(p.id()).prefixListName(p.name())
        .addressFamily(ManagedPrefixLists.IPV4).state(PrefixListState.CREATE_COMPLETE).maxEntries(p.cidrs().size())
        .version(1L).ownerId(AwsPrefixLists.OWNER).prefixListArn(arn(region, "aws", p.id())).build();
  }

  private static String arn(String region, String owner, String id) {
    return "arn:aws:ec2:" + region + ":" + owner + ":prefix-list/" + id;
  }
}
