package dev.privatelink.control.ec2.prefixlist;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.ec2.prefixlist.AwsPrefixLists.AwsPrefixList;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
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
  private static final Describe<AwsPrefixList> DESCRIBE = Describe.of(AwsPrefixList::id, PrefixListErrors::notFound,
      Filters.<AwsPrefixList>of(p -> Map.of())
          .one("prefix-list-id", AwsPrefixList::id)
          .one("prefix-list-name", AwsPrefixList::name)
          .build());

  @ReadOnly
  public DescribePrefixListsResponse describePrefixLists(RequestContext ctx, DescribePrefixListsRequest request) {
    for (String id : request.prefixListIds()) {
      if (!id.startsWith("pl-")) {
        throw PrefixListErrors.malformed(id);
      }
    }
    Page<PrefixList> page = DESCRIBE.page(AwsPrefixLists.of(ctx.region()), request.prefixListIds(), request.filters(),
        request.maxResults(), request.nextToken()).map(PrefixLists::render);
    return DescribePrefixListsResponse.builder().prefixLists(page.items()).nextToken(page.nextToken()).build();
  }

  private static PrefixList render(AwsPrefixList p) {
    return PrefixList.builder().prefixListId(p.id()).prefixListName(p.name()).cidrs(p.cidrs()).build();
  }
}
