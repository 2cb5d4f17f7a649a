package dev.privatelink.control.query;

import dev.privatelink.control.AwsException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * The EC2 Describe pattern for one resource kind, in AWS's order: the requested ids (each one
 * that is not there is the kind's NotFound error), then the filters (AWS's filter names; an
 * unknown name is InvalidParameterValue), then MaxResults/NextToken paging with tokens that
 * survive deletes ({@link Page}). Serves every EC2 {@code Describe*} action, e.g.
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html">DescribeVpcs</a>.
 *
 * <p>Worked example, DescribeSubnets:
 * <pre>{@code
 * Filters<SubnetRecord> filters = Filters.<SubnetRecord>of(s -> state.tagMap(scope, s.subnetId()))
 *     .one("subnet-id", SubnetRecord::subnetId).one("vpc-id", SubnetRecord::vpcId).build();
 * Page<Subnet> page = Describe.of(SubnetRecord::subnetId, Ec2Errors::subnetNotFound, filters)
 *     .page(state.subnets().all(scope), request.subnetIds(), request.filters(), request.maxResults(),
 *         request.nextToken())
 *     .map(s -> render(scope, s));
 * return DescribeSubnetsResponse.builder().subnets(page.items()).nextToken(page.nextToken()).build();
 * }</pre>
 * An empty id list means every resource, as an absent parameter does on the wire. Items keep the
 * order of {@code all}; the id is also the page key, so it must be unique within {@code all}.
 */
public final class Describe<T> {
  private final Function<T, String> id;
  private final Function<String, AwsException> notFound;
  private final Filters<T> filters;

  private Describe(Function<T, String> id, Function<String, AwsException> notFound, Filters<T> filters) {
    this.id = id;
    this.notFound = notFound;
    this.filters = filters;
  }

  /** A kind whose Describe takes ids: {@code notFound} makes its NotFound error from an id. */
  public static <T> Describe<T> of(Function<T, String> id, Function<String, AwsException> notFound, Filters<T> filters) {
    return new Describe<>(id, notFound, filters);
  }

  /** A kind whose Describe takes no ids (tags, instance types): {@code key} only orders the pages. */
  public static <T> Describe<T> of(Function<T, String> key, Filters<T> filters) {
    return new Describe<>(key, id -> AwsException.invalidParameterValue("The id '" + id + "' is invalid"), filters);
  }

  /** The requested resources that pass the filters, for Describe actions without paging. */
  public List<T> matching(List<T> all, @Nullable Collection<String> ids, @Nullable List<Filter> filterList) {
    return filters.apply(select(all, ids, id, notFound), filterList);
  }

  /** One page of the requested resources that pass the filters. */
  public Page<T> page(List<T> all, @Nullable Collection<String> ids, @Nullable List<Filter> filterList,
      @Nullable Integer maxResults, @Nullable String nextToken) {
    return Page.of(matching(all, ids, filterList), id, maxResults, nextToken, Describe::badToken);
  }

  /**
   * The items whose key is one of {@code wanted}, in the order of {@code all}; every key in
   * {@code wanted} must be there, or it is {@code notFound}'s error. Empty {@code wanted}: all.
   * For a second selector beside the ids (group names, key names).
   */
  public static <T> List<T> select(List<T> all, @Nullable Collection<String> wanted, Function<T, String> key,
      Function<String, AwsException> notFound) {
    if (wanted == null || wanted.isEmpty()) {
      return all;
    }
    for (String w : wanted) {
      if (all.stream().noneMatch(item -> w.equals(key.apply(item)))) {
        throw notFound.apply(w);
      }
    }
    return all.stream().filter(item -> wanted.contains(key.apply(item))).toList();
  }

  /** EC2's answer to a NextToken it did not issue. */
  public static AwsException badToken(String token) {
    return AwsException.invalidParameterValue("Value (" + token + ") for parameter nextToken is invalid. The token is invalid.");
  }
}
