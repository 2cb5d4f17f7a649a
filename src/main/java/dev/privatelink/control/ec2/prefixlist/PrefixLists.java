package dev.privatelink.control.ec2.prefixlist;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.ec2.prefixlist.AwsPrefixLists.AwsPrefixList;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.PrefixList;

/**
 * The AWS services of the caller's region in prefix-list form: S3 and DynamoDB, each named after
 * its endpoint service with its address ranges. Only AWS-managed lists appear here (customer-managed
 * ones are DescribeManagedPrefixLists'); a service name without a list (any endpoint service but a
 * gateway one) filters to an empty list, which is what Terraform's aws_vpc_endpoint read expects.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribePrefixLists.html">DescribePrefixLists</a>
 */
public final class PrefixLists implements ActionHandler {
  private static final Filters<PrefixList> FILTERS = Filters.<PrefixList>of(p -> Map.of())
      .one("prefix-list-id", PrefixList::prefixListId)
      .one("prefix-list-name", PrefixList::prefixListName)
      .build();

  public DescribePrefixListsResponse describePrefixLists(RequestContext ctx, DescribePrefixListsRequest request) {
    List<AwsPrefixList> chosen = request.prefixListIds().isEmpty() ? AwsPrefixLists.of(ctx.region())
        : new LinkedHashSet<>(request.prefixListIds()).stream().map(id -> find(ctx.region(), id)).toList();
    List<PrefixList> lists = FILTERS.apply(chosen.stream().map(PrefixLists::render).toList(), request.filters());
    Page<PrefixList> page = Page.of(lists, PrefixList::prefixListId, request.maxResults(), request.nextToken(),
        token -> AwsException.badRequest("InvalidNextToken", "Invalid token: " + token));
    return DescribePrefixListsResponse.builder().prefixLists(page.items()).nextToken(page.nextToken()).build();
  }

  static AwsPrefixList find(String region, String id) {
    if (!id.startsWith("pl-")) {
      throw PrefixListErrors.malformed(id);
    }
    return AwsPrefixLists.byId(region, id).orElseThrow(() -> PrefixListErrors.notFound(id));
  }

  private static PrefixList render(AwsPrefixList p) {
    return PrefixList.builder().prefixListId(p.id()).prefixListName(p.name()).cidrs(p.cidrs()).build();
  }
}
