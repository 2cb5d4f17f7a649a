package dev.privatelink.control.ec2.prefixlist;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeManagedPrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeManagedPrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.GetManagedPrefixListAssociationsRequest;
import software.amazon.awssdk.services.ec2.model.GetManagedPrefixListAssociationsResponse;
import software.amazon.awssdk.services.ec2.model.GetManagedPrefixListEntriesRequest;
import software.amazon.awssdk.services.ec2.model.GetManagedPrefixListEntriesResponse;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.PrefixListAssociation;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Reads prefix lists: the account's own and the region's AWS-managed ones (owner {@code AWS}),
 * their entries at any version, and what references them.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeManagedPrefixLists.html">DescribeManagedPrefixLists</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetManagedPrefixListEntries.html">GetManagedPrefixListEntries</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetManagedPrefixListAssociations.html">GetManagedPrefixListAssociations</a>
 */
public record ManagedPrefixListQueries(Ec2State state) implements ActionHandler {
  private static final Describe<ManagedPrefixList> DESCRIBE = Describe.of(ManagedPrefixList::prefixListId,
      PrefixListErrors::notFound, Filters.<ManagedPrefixList>of(ManagedPrefixListQueries::tags)
          .one("owner-id", ManagedPrefixList::ownerId)
          .one("prefix-list-id", ManagedPrefixList::prefixListId)
          .one("prefix-list-name", ManagedPrefixList::prefixListName)
          .build());

  @ReadOnly
  public DescribeManagedPrefixListsResponse describeManagedPrefixLists(RequestContext ctx,
      DescribeManagedPrefixListsRequest request) {
    Scope scope = ctx.scope();
    List<ManagedPrefixList> all = new ArrayList<>();
    AwsPrefixLists.of(ctx.region()).forEach(p -> all.add(PrefixListViews.render(ctx.region(), p)));
    state.prefixLists().all(scope)
        .forEach(p -> all.add(PrefixListViews.render(state, scope, p, p.state())));
    Page<ManagedPrefixList> page = DESCRIBE.page(all, request.prefixListIds(), request.filters(),
        maxResults(request.maxResults()), request.nextToken());
    return DescribeManagedPrefixListsResponse.builder().prefixLists(page.items()).nextToken(page.nextToken()).build();
  }

  @ReadOnly
  public GetManagedPrefixListEntriesResponse getManagedPrefixListEntries(RequestContext ctx,
      GetManagedPrefixListEntriesRequest request) {
    List<PrefixListEntry> entries = entries(ctx.scope(), required(request.prefixListId()), request.targetVersion());
    Page<PrefixListEntry> page = Page.of(entries, PrefixListEntry::cidr, maxResults(request.maxResults()),
        request.nextToken(), Describe::badToken);
    return GetManagedPrefixListEntriesResponse.builder().entries(page.items()).nextToken(page.nextToken()).build();
  }

  @ReadOnly
  public GetManagedPrefixListAssociationsResponse getManagedPrefixListAssociations(RequestContext ctx,
      GetManagedPrefixListAssociationsRequest request) {
    String id = required(request.prefixListId());
    if (!PrefixListDirectory.exists(state, ctx.scope(), id)) {
      throw PrefixListErrors.notFound(id);
    }
    var page = Page.of(PrefixListDirectory.associations(state, ctx.scope(), id), PrefixListAssociation::resourceId,
        maxResults(request.maxResults()), request.nextToken(), Describe::badToken);
    return GetManagedPrefixListAssociationsResponse.builder().prefixListAssociations(page.items())
        .nextToken(page.nextToken()).build();
  }

  private List<PrefixListEntry> entries(Scope scope, String id, Long targetVersion) {
    var aws = AwsPrefixLists.byId(scope.region(), id);
    if (aws.isPresent()) {
      checkVersion(targetVersion, 1);
      return aws.get().cidrs().stream().map(c -> PrefixListEntry.builder().cidr(c).build()).toList();
    }
    ManagedPrefixListRecord list = state.prefixLists().find(scope, id).orElseThrow(() -> PrefixListErrors.notFound(id));
    checkVersion(targetVersion, list.version());
    return targetVersion == null ? list.entries() : list.versions().get((int) (targetVersion - 1));
  }

  private static void checkVersion(Long target, long current) {
    if (target != null && (target < 1 || target > current)) {
      throw AwsException.invalidParameterValue("The prefix list version " + target + " does not exist.");
    }
  }

  private static String required(String id) {
    if (id == null || id.isEmpty()) {
      throw Ec2Errors.required("PrefixListId");
    }
    return id;
  }

  /** AWS's range for these actions is 1–100; a larger value is refused, as AWS's model says. */
  private static Integer maxResults(Integer asked) {
    if (asked != null && (asked < 1 || asked > 100)) {
      throw AwsException.invalidParameterValue("Value (" + asked + ") for parameter maxResults is invalid. "
          + "Expecting a value between 1 and 100.");
    }
    return asked;
  }

  private static Map<String, String> tags(ManagedPrefixList p) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Tag t : p.tags()) {
      out.put(t.key(), t.value());
    }
    return out;
  }
}
