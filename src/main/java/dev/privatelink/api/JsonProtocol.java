package dev.privatelink.api;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.wire.JsonCodec;
import dev.privatelink.wire.WireException;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * AWS JSON 1.1 (ACM, CloudWatch Logs): the action in {@code X-Amz-Target: <prefix>.<Action>}, a JSON body in and
 * out, errors as {@code {"__type": code, "message": …}}.
 */
final class JsonProtocol implements ServiceProtocol {
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private final Cloud cloud;
  private final String targetPrefix;
  private final JsonCodec codec;
  private final RequestTypes types;

  private JsonProtocol(Cloud cloud, String targetPrefix, String modelPackage, String service) {
    this.cloud = cloud;
    this.targetPrefix = targetPrefix;
    this.types = new RequestTypes(cloud, modelPackage);
    this.codec = new JsonCodec(service);
  }

  static JsonProtocol acm(Cloud cloud) {
    return new JsonProtocol(cloud, "CertificateManager.", "software.amazon.awssdk.services.acm.model", "acm");
  }

  static JsonProtocol logs(Cloud cloud) {
    return new JsonProtocol(cloud, "Logs_20140328.", "software.amazon.awssdk.services.cloudwatchlogs.model", "logs");
  }

  @Override
  public ApiResponse handle(Caller caller, ApiRequest request, String requestId) {
    try {
      String target = request.header("x-amz-target");
      if (target == null || !target.startsWith(targetPrefix)) {
        throw new AwsException("UnknownOperationException", "Missing or unknown X-Amz-Target", 400);
      }
      Class<?> type = requestClass(target.substring(targetPrefix.length()));
      SdkRequest sdkRequest = (SdkRequest) codec.decode(type, JsonCodec.parse(request.body()));
      SdkResponse response = cloud.call(caller.accountId(), caller.region(), caller.principalArn(), sdkRequest);
      return ApiResponse.json(200, CONTENT_TYPE, codec.encode((SdkPojo) response).toString(), Map.of("x-amzn-RequestId", requestId));
    } catch (WireException e) {
      return error(new AwsException(e.kind() == WireException.Kind.MISSING ? "ValidationException" : "SerializationException",
          e.getMessage(), 400), requestId);
    } catch (AwsException e) {
      return error(e, requestId);
    }
  }

  @Override
  public ApiResponse error(AwsException e, String requestId) {
    var body = JsonCodec.mapper().createObjectNode().put("__type", e.code()).put("message", e.getMessage());
    return ApiResponse.json(e.status(), CONTENT_TYPE, body.toString(),
        Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", e.code()));
  }

  private Class<?> requestClass(String action) {
    return types.find(action).orElseThrow(() -> new AwsException("UnknownOperationException", "Unknown operation " + action, 400));
  }

}
