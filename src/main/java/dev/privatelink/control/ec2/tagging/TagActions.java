package dev.privatelink.control.ec2.tagging;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import dev.privatelink.control.tags.Ec2Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/**
 * Tags on any EC2 resource, including those of other features registered with
 * {@link TaggableResources}: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTags.html">CreateTags</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteTags.html">DeleteTags</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeTags.html">DescribeTags</a>.
 */
public final class TagActions implements ActionHandler {
  private final Ec2Tags tags;
  private final TaggableResources taggable;

  public TagActions(Ec2Tags tags, TaggableResources taggable) {
    this.tags = tags;
    this.taggable = taggable;
  }

  public CreateTagsResponse createTags(RequestContext ctx, CreateTagsRequest request) {
    Scope scope = ctx.scope();
    if (!request.hasResources() || request.resources().isEmpty()) {
      throw Ec2Errors.required("ResourceId");
    }
    if (!request.hasTags() || request.tags().isEmpty()) {
      throw Ec2Errors.required("Tag");
    }
    for (String id : request.resources()) {
      taggable.requireExists(scope, id);
      tags.validate(scope, id, request.tags());
    }
    request.resources().forEach(id -> tags.put(scope, id, request.tags()));
    return CreateTagsResponse.builder().build();
  }

  public DeleteTagsResponse deleteTags(RequestContext ctx, DeleteTagsRequest request) {
    Scope scope = ctx.scope();
    if (!request.hasResources() || request.resources().isEmpty()) {
      throw Ec2Errors.required("ResourceId");
    }
    request.resources().forEach(id -> taggable.requireExists(scope, id));
    request.resources().forEach(id -> tags.remove(scope, id, request.hasTags() ? request.tags() : List.of()));
    return DeleteTagsResponse.builder().build();
  }

  @ReadOnly
  public DescribeTagsResponse describeTags(RequestContext ctx, DescribeTagsRequest request) {
    Scope scope = ctx.scope();
    List<TagDescription> all = new ArrayList<>();
    tags.all(scope).forEach((id, map) -> map.forEach((k, v) -> all.add(TagDescription.builder().resourceId(id)
        .resourceType(taggable.resourceTypeOf(id)).key(k).value(v).build())));
    Filters<TagDescription> filters = Filters.<TagDescription>of(t -> Map.of())
        .one("resource-id", TagDescription::resourceId)
        .one("resource-type", TagDescription::resourceTypeAsString)
        .one("key", TagDescription::key)
        .one("value", TagDescription::value)
        .build();
    // A resource has each key once, so resource and key make the page key.
    Page<TagDescription> page = Describe.of((TagDescription t) -> t.resourceId() + "/" + t.key(), filters)
        .page(all, List.of(), request.filters(), request.maxResults(), request.nextToken());
    return DescribeTagsResponse.builder().tags(page.items()).nextToken(page.nextToken()).build();
  }
}
