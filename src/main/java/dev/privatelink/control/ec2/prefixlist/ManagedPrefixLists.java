package dev.privatelink.control.ec2.prefixlist;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.CreateManagedPrefixListRequest;
import software.amazon.awssdk.services.ec2.model.CreateManagedPrefixListResponse;
import software.amazon.awssdk.services.ec2.model.DeleteManagedPrefixListRequest;
import software.amazon.awssdk.services.ec2.model.DeleteManagedPrefixListResponse;
import software.amazon.awssdk.services.ec2.model.ModifyManagedPrefixListRequest;
import software.amazon.awssdk.services.ec2.model.ModifyManagedPrefixListResponse;
import software.amazon.awssdk.services.ec2.model.PrefixListState;

/**
 * Customer-managed prefix lists: create, modify (entries make a new version; the caller's
 * CurrentVersion must be the current one) and delete (not while a security group rule or a route
 * uses the list). Changes settle at once: the answer shows AWS's {@code *-in-progress} state, the
 * next Describe {@code *-complete}. AWS-managed lists cannot be changed.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateManagedPrefixList.html">CreateManagedPrefixList</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyManagedPrefixList.html">ModifyManagedPrefixList</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteManagedPrefixList.html">DeleteManagedPrefixList</a>
 */
public record ManagedPrefixLists(Ec2State state) implements ActionHandler {
  static final String IPV4 = "IPv4";
  static final String IPV6 = "IPv6";
  static final int MAX_ENTRIES = 1000;
  private static final String RESOURCE_TYPE = "prefix-list";

  public CreateManagedPrefixListResponse createManagedPrefixList(RequestContext ctx, CreateManagedPrefixListRequest request) {
    Scope scope = ctx.scope();
    String name = name(request.prefixListName());
    if (request.maxEntries() == null) {
      throw Ec2Errors.required("MaxEntries");
    }
    int max = maxEntries(request.maxEntries());
    String family = family(request.addressFamily());
    var entries = PrefixListEntries.apply(family, max, List.of(), List.of(), request.entries());
    TagSpecs.validate(state.tags(), scope, request.tagSpecifications(), RESOURCE_TYPE);
    String id = ctx.ids().ec2Id("pl");
    var list = new ManagedPrefixListRecord(id, name, family, max, ctx.accountId(),
        PrefixListState.CREATE_COMPLETE, List.of(entries));
    state.prefixLists().put(scope, id, list);
    TagSpecs.apply(state.tags(), scope, id, request.tagSpecifications(), RESOURCE_TYPE);
    return CreateManagedPrefixListResponse.builder()
        .prefixList(PrefixListViews.render(state, scope, list, PrefixListState.CREATE_IN_PROGRESS)).build();
  }

  public ModifyManagedPrefixListResponse modifyManagedPrefixList(RequestContext ctx, ModifyManagedPrefixListRequest request) {
    Scope scope = ctx.scope();
    ManagedPrefixListRecord list = own(scope, request.prefixListId(), "modified");
    if (request.currentVersion() != null && request.currentVersion() != list.version()) {
      throw AwsException.badRequest("PrefixListVersionMismatch", "The prefix list has the incorrect version number.");
    }
    boolean changesEntries = !request.addEntries().isEmpty() || !request.removeEntries().isEmpty();
    if (changesEntries && request.maxEntries() != null) {
      throw AwsException.invalidParameterCombination(
          "You cannot modify the entries and the maximum entries for the prefix list in the same request.");
    }
    int max = request.maxEntries() == null ? list.maxEntries() : maxEntries(request.maxEntries());
    if (max < list.entries().size()) {
      throw AwsException.invalidParameterValue("The maximum number of entries (" + max
          + ") is less than the number of entries in the prefix list (" + list.entries().size() + ").");
    }
    String name = request.prefixListName() == null ? list.name() : name(request.prefixListName());
    var changed = list.withSettings(name, max);
    if (changesEntries) {
      changed = changed.withEntries(PrefixListEntries.apply(list.addressFamily(), max, list.entries(),
          request.removeEntries(), request.addEntries()));
    }
    state.prefixLists().put(scope, list.prefixListId(), changed);
    return ModifyManagedPrefixListResponse.builder()
        .prefixList(PrefixListViews.render(state, scope, changed, PrefixListState.MODIFY_IN_PROGRESS)).build();
  }

  public DeleteManagedPrefixListResponse deleteManagedPrefixList(RequestContext ctx, DeleteManagedPrefixListRequest request) {
    Scope scope = ctx.scope();
    ManagedPrefixListRecord list = own(scope, request.prefixListId(), "deleted");
    var users = PrefixListDirectory.associations(state, scope, list.prefixListId());
    if (!users.isEmpty()) {
      throw AwsException.dependencyViolation("The prefix list " + list.prefixListId() + " is referenced by "
          + users.getFirst().resourceId() + " and cannot be deleted.");
    }
    var shown = PrefixListViews.render(state, scope, list, PrefixListState.DELETE_IN_PROGRESS);
    state.prefixLists().remove(scope, list.prefixListId());
    state.tags().drop(scope, list.prefixListId());
    return DeleteManagedPrefixListResponse.builder().prefixList(shown).build();
  }

  /** The caller's own list; AWS's lists exist but are not the caller's to change. */
  private ManagedPrefixListRecord own(Scope scope, String id, String verb) {
    if (id == null || id.isEmpty()) {
      throw Ec2Errors.required("PrefixListId");
    }
    if (AwsPrefixLists.byId(scope.region(), id).isPresent()) {
      throw new AwsException("UnauthorizedOperation", "The prefix list " + id
          + " is managed by AWS and cannot be " + verb + ".", 403);
    }
    return state.prefixLists().find(scope, id).orElseThrow(() -> PrefixListErrors.notFound(id));
  }

  private static String name(String name) {
    if (name == null || name.isEmpty()) {
      throw Ec2Errors.required("PrefixListName");
    }
    if (name.length() > 255 || name.startsWith("com.amazonaws")) {
      throw AwsException.invalidParameterValue("The prefix list name '" + name + "' is invalid: up to 255 characters, "
          + "and it cannot start with com.amazonaws.");
    }
    return name;
  }

  private static int maxEntries(int asked) {
    if (asked < 1 || asked > MAX_ENTRIES) {
      throw AwsException.invalidParameterValue("The value " + asked + " for MaxEntries is invalid: it must be between 1 and "
          + MAX_ENTRIES + ".");
    }
    return asked;
  }

  private static String family(String asked) {
    if (asked == null || asked.isEmpty()) {
      throw Ec2Errors.required("AddressFamily");
    }
    if (!asked.equals(IPV4) && !asked.equals(IPV6)) {
      throw AwsException.invalidParameterValue("The address family '" + asked + "' is invalid: IPv4 or IPv6.");
    }
    return asked;
  }
}
