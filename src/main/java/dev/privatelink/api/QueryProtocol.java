package dev.privatelink.api;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.wire.QueryDecoder;
import dev.privatelink.wire.WireException;
import dev.privatelink.wire.XmlEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The Query protocol (form-encoded {@code Action=…} in, XML out) for EC2, ELBv2 and STS. Each
 * action's request class is {@code <model package>.<Action>Request}, read by the generic decoder.
 */
final class QueryProtocol implements ServiceProtocol {
  private final Cloud cloud;
  private final QueryDecoder decoder;
  private final XmlEncoder encoder;
  private final boolean ec2;
  private final RequestTypes types;

  private QueryProtocol(Cloud cloud, String modelPackage, QueryDecoder decoder, XmlEncoder encoder, boolean ec2) {
    this.cloud = cloud;
    this.types = new RequestTypes(cloud, modelPackage);
    this.decoder = decoder;
    this.encoder = encoder;
    this.ec2 = ec2;
  }

  static QueryProtocol ec2(Cloud cloud) {
    return new QueryProtocol(cloud, "software.amazon.awssdk.services.ec2.model", QueryDecoder.ec2(), XmlEncoder.ec2(), true);
  }

  static QueryProtocol elbv2(Cloud cloud) {
    return new QueryProtocol(cloud, "software.amazon.awssdk.services.elasticloadbalancingv2.model",
        QueryDecoder.query("elbv2"), XmlEncoder.query("http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"), false);
  }

  static QueryProtocol sts(Cloud cloud) {
    return new QueryProtocol(cloud, "software.amazon.awssdk.services.sts.model", QueryDecoder.query("sts"),
        XmlEncoder.query("https://sts.amazonaws.com/doc/2011-06-15/"), false);
  }

  @Override
  public ApiResponse handle(Caller caller, ApiRequest request, String requestId) {
    try {
      Map<String, String> params = FormBody.parse(request.rawQuery(), new String(request.body(), StandardCharsets.UTF_8));
      String action = params.get("Action");
      if (action == null || action.isEmpty()) {
        throw AwsException.badRequest("MissingAction", "The request must contain the parameter Action");
      }
      Class<?> type = requestClass(action);
      SdkRequest sdkRequest = (SdkRequest) decoder.decode(type, params);
      SdkResponse response = cloud.call(caller.accountId(), caller.region(), caller.principalArn(), sdkRequest);
      return ApiResponse.xml(200, encoder.encode(action, (SdkPojo) response, requestId));
    } catch (WireException e) {
      return error(translate(e), requestId);
    } catch (AwsException e) {
      return error(e, requestId);
    }
  }

  @Override
  public ApiResponse error(AwsException e, String requestId) {
    return ApiResponse.xml(e.status(), encoder.error(e.code(), e.getMessage(), requestId, e.status() < 500));
  }

  private Class<?> requestClass(String action) {
    return types.find(action).orElseThrow(() -> AwsException.badRequest("InvalidAction", "The action " + action + " is not valid for this web service."));
  }


  private AwsException translate(WireException e) {
    if (ec2) {
      return switch (e.kind()) {
        case MISSING -> AwsException.missingParameter(e.getMessage());
        case MALFORMED -> AwsException.invalidParameterValue(e.getMessage());
        case UNKNOWN -> AwsException.badRequest("UnknownParameter", e.getMessage());
      };
    }
    return AwsException.badRequest("ValidationError", switch (e.kind()) {
      case MISSING -> "1 validation error detected: Value null at '" + e.parameter() + "' failed to satisfy constraint: Member must not be null";
      case MALFORMED, UNKNOWN -> e.getMessage();
    });
  }
}
