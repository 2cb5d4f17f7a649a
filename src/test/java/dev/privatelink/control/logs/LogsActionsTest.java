package dev.privatelink.control.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.testing.CloudCalls;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;

/** CloudWatch Logs' actions through a real {@link Cloud}: AWS's answers, errors, and unchanged state on a failure. */
class LogsActionsTest {
  private static final String ACCOUNT = "111111111111";
  private final Cloud cloud = new Cloud();
  private final CloudCalls calls = new CloudCalls(cloud, ACCOUNT);

  private <T extends SdkResponse> T call(SdkRequest request) {
    return calls.call(request);
  }

  private AwsException fails(String code, SdkRequest request) {
    AwsException e = calls.fails(code, request);
    assertEquals(400, e.status());
    return e;
  }

  private long now() {
    return System.currentTimeMillis();
  }

  private void groupWithStream() {
    call(CreateLogGroupRequest.builder().logGroupName("/app/web").tags(Map.of("team", "net")).build());
    call(CreateLogStreamRequest.builder().logGroupName("/app/web").logStreamName("i-1").build());
  }

  private PutLogEventsResponse put(String stream, long... timestamps) {
    List<InputLogEvent> events = IntStream.range(0, timestamps.length)
        .mapToObj(i -> InputLogEvent.builder().timestamp(timestamps[i]).message("event " + i + " at " + timestamps[i]).build())
        .toList();
    return call(PutLogEventsRequest.builder().logGroupName("/app/web").logStreamName(stream).logEvents(events).build());
  }

  @Test
  void logGroupsAreCreatedOnceDescribedWithTheirArnAndDeleted() {
    groupWithStream();
    fails("ResourceAlreadyExistsException", CreateLogGroupRequest.builder().logGroupName("/app/web").build());
    fails("InvalidParameterException", CreateLogGroupRequest.builder().logGroupName("bad name!").build());
    DescribeLogGroupsResponse groups = call(DescribeLogGroupsRequest.builder().logGroupNamePrefix("/app").build());
    assertEquals(1, groups.logGroups().size());
    assertEquals("arn:aws:logs:us-east-1:111111111111:log-group:/app/web:*", groups.logGroups().getFirst().arn());
    assertEquals("arn:aws:logs:us-east-1:111111111111:log-group:/app/web", groups.logGroups().getFirst().logGroupArn());
    assertNull(groups.logGroups().getFirst().retentionInDays());
    call(DeleteLogGroupRequest.builder().logGroupName("/app/web").build());
    fails("ResourceNotFoundException", DeleteLogGroupRequest.builder().logGroupName("/app/web").build());
    assertEquals(0, ((DescribeLogGroupsResponse) call(DescribeLogGroupsRequest.builder().build())).logGroups().size());
  }

  @Test
  void retentionTakesAwsDayCountsOnly() {
    groupWithStream();
    fails("InvalidParameterException", PutRetentionPolicyRequest.builder().logGroupName("/app/web").retentionInDays(2).build());
    call(PutRetentionPolicyRequest.builder().logGroupName("/app/web").retentionInDays(7).build());
    DescribeLogGroupsResponse groups = call(DescribeLogGroupsRequest.builder().build());
    assertEquals(7, groups.logGroups().getFirst().retentionInDays());
  }

  @Test
  void tagsByArnAndByName() {
    groupWithStream();
    String arn = "arn:aws:logs:us-east-1:111111111111:log-group:/app/web";
    call(TagResourceRequest.builder().resourceArn(arn).tags(Map.of("env", "dev")).build());
    ListTagsForResourceResponse tags = call(ListTagsForResourceRequest.builder().resourceArn(arn).build());
    assertEquals(Map.of("team", "net", "env", "dev"), tags.tags());
    call(UntagLogGroupRequest.builder().logGroupName("/app/web").tags("team").build());
    ListTagsLogGroupResponse left = call(ListTagsLogGroupRequest.builder().logGroupName("/app/web").build());
    assertEquals(Map.of("env", "dev"), left.tags());
    fails("ResourceNotFoundException", ListTagsForResourceRequest.builder()
        .resourceArn("arn:aws:logs:us-east-1:111111111111:log-group:/nope").build());
  }

  @Test
  void putLogEventsKeepsAwsOrderingAndAgeRules() {
    groupWithStream();
    long t = now();
    fails("InvalidParameterException", PutLogEventsRequest.builder().logGroupName("/app/web").logStreamName("i-1")
        .logEvents(InputLogEvent.builder().timestamp(t).message("b").build(),
            InputLogEvent.builder().timestamp(t - 1000).message("a").build()).build());
    fails("ResourceNotFoundException", PutLogEventsRequest.builder().logGroupName("/app/web").logStreamName("nope")
        .logEvents(InputLogEvent.builder().timestamp(t).message("a").build()).build());
    fails("InvalidParameterException", PutLogEventsRequest.builder().logGroupName("/app/web").logStreamName("i-1")
        .logEvents(InputLogEvent.builder().timestamp(t - 25L * 3600 * 1000).message("a").build(),
            InputLogEvent.builder().timestamp(t).message("b").build()).build());
    PutLogEventsResponse old = put("i-1", t - 15L * 24 * 3600 * 1000);
    assertEquals(1, old.rejectedLogEventsInfo().tooOldLogEventEndIndex());
    PutLogEventsResponse r = put("i-1", t - 2000, t - 1000, t + 3L * 3600 * 1000);
    assertEquals(2, r.rejectedLogEventsInfo().tooNewLogEventStartIndex());
    DescribeLogStreamsResponse streams = call(DescribeLogStreamsRequest.builder().logGroupName("/app/web").build());
    assertEquals(t - 2000, streams.logStreams().getFirst().firstEventTimestamp());
    assertEquals(t - 1000, streams.logStreams().getFirst().lastEventTimestamp());
    assertEquals("arn:aws:logs:us-east-1:111111111111:log-group:/app/web:log-stream:i-1", streams.logStreams().getFirst().arn());
  }

  @Test
  void getLogEventsPagesFromEitherEndAndSignalsTheEndWithTheSameToken() {
    groupWithStream();
    long t = now() - 10_000;
    put("i-1", t, t + 1, t + 2, t + 3, t + 4);
    GetLogEventsResponse newest = call(GetLogEventsRequest.builder().logGroupName("/app/web").logStreamName("i-1").limit(2).build());
    assertEquals(List.of(t + 3, t + 4), newest.events().stream().map(e -> e.timestamp()).toList());
    GetLogEventsResponse head = call(GetLogEventsRequest.builder().logGroupName("/app/web").logStreamName("i-1").limit(3)
        .startFromHead(true).build());
    assertEquals(List.of(t, t + 1, t + 2), head.events().stream().map(e -> e.timestamp()).toList());
    GetLogEventsResponse next = call(GetLogEventsRequest.builder().logGroupName("/app/web").logStreamName("i-1").limit(3)
        .nextToken(head.nextForwardToken()).build());
    assertEquals(List.of(t + 3, t + 4), next.events().stream().map(e -> e.timestamp()).toList());
    GetLogEventsResponse end = call(GetLogEventsRequest.builder().logGroupName("/app/web").logStreamName("i-1").limit(3)
        .nextToken(next.nextForwardToken()).build());
    assertTrue(end.events().isEmpty());
    assertEquals(next.nextForwardToken(), end.nextForwardToken());
    fails("InvalidParameterException", GetLogEventsRequest.builder().logGroupName("/app/web").logStreamName("i-1")
        .nextToken("garbage").build());
  }

  @Test
  void filterLogEventsInterleavesStreamsInTimeOrderAndPages() {
    groupWithStream();
    call(CreateLogStreamRequest.builder().logGroupName("/app/web").logStreamName("i-2").build());
    long t = now() - 10_000;
    put("i-1", t, t + 2, t + 4);
    put("i-2", t + 1, t + 3);
    FilterLogEventsResponse first = call(FilterLogEventsRequest.builder().logGroupName("/app/web").limit(3).build());
    assertEquals(List.of(t, t + 1, t + 2), first.events().stream().map(e -> e.timestamp()).toList());
    assertEquals(List.of("i-1", "i-2", "i-1"), first.events().stream().map(e -> e.logStreamName()).toList());
    FilterLogEventsResponse rest = call(FilterLogEventsRequest.builder().logGroupName("/app/web").limit(3)
        .nextToken(first.nextToken()).build());
    assertEquals(List.of(t + 3, t + 4), rest.events().stream().map(e -> e.timestamp()).toList());
    assertNull(rest.nextToken());
    FilterLogEventsResponse matched = call(FilterLogEventsRequest.builder().logGroupName("/app/web")
        .filterPattern("\"event 1\"").startTime(t + 1).build());
    assertEquals(List.of(t + 2, t + 3), matched.events().stream().map(e -> e.timestamp()).toList());
    fails("InvalidParameterException", FilterLogEventsRequest.builder().logGroupName("/app/web")
        .logStreamNames("i-1").logStreamNamePrefix("i").build());
  }
}
