package dev.privatelink.control.privatelink;

import dev.privatelink.control.AwsException;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItemError;

/** AWS's PrivateLink error codes and messages, in one place so every action words them alike. */
final class Errors {
  private Errors() {}

  static AwsException serviceNotFound(String serviceId) {
    return AwsException.badRequest("InvalidVpcEndpointServiceId.NotFound",
        "The VpcEndpointService Id '" + serviceId + "' does not exist");
  }

  static AwsException endpointNotFound(String endpointId) {
    return AwsException.badRequest("InvalidVpcEndpointId.NotFound",
        "The Vpc Endpoint Id '" + endpointId + "' does not exist");
  }

  /** What a consumer gets for a service that is missing or does not allow it: the two look alike. */
  static AwsException invalidServiceName(String serviceName) {
    return AwsException.badRequest("InvalidServiceName",
        "The Vpc Endpoint Service '" + serviceName + "' does not exist");
  }

  static AwsException notificationNotFound(String notificationId) {
    return AwsException.badRequest("InvalidConnectionNotification",
        "The connection notification Id '" + notificationId + "' does not exist");
  }

  static AwsException invalidParameter(String message) {
    return AwsException.badRequest("InvalidParameter", message);
  }

  static AwsException missing(String parameter) {
    return AwsException.missingParameter("The request must contain the parameter " + parameter);
  }

  static UnsuccessfulItem unsuccessful(String resourceId, AwsException error) {
    return UnsuccessfulItem.builder().resourceId(resourceId)
        .error(UnsuccessfulItemError.builder().code(error.code()).message(error.getMessage()).build()).build();
  }
}
