package dev.privatelink.server;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.stacks.StackClients;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.AcmException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The AWS SDK's client interfaces of one account, served by this process's {@link Cloud} (EC2's by
 * {@link InProcessEc2Client}, the others by a {@link Proxy}): each
 * call goes to {@link Cloud#call} with the account's root as the caller, exactly as the API sends
 * a decoded request, only without HTTP, SigV4 and the wire codecs. AWS's errors come back as the
 * SDK's own exceptions (the modelled one where the service has it, e.g. {@code
 * LoadBalancerNotFoundException}), so code written against the SDK runs unchanged. It is how
 * {@code up} applies the seed inside the cloud: the stack's ~150 calls then cost what the actions
 * cost, and no JVM has to load the SDK's HTTP stack first.
 */
public final class InProcessClients {
  private InProcessClients() {}

  /** The clients of {@code accountId} in {@code region}. */
  public static StackClients of(Cloud cloud, String accountId, String region) {
    Caller caller = new Caller(cloud, accountId, region);
    return StackClients.of(accountId,
        new InProcessEc2Client(new Calls(caller, new ServiceErrors(Ec2Client.class, Ec2Exception::builder))),
        client(ElasticLoadBalancingV2Client.class, caller, ElasticLoadBalancingV2Client.SERVICE_NAME,
            ElasticLoadBalancingV2Exception::builder),
        client(AcmClient.class, caller, AcmClient.SERVICE_NAME, AcmException::builder),
        client(StsClient.class, caller, StsClient.SERVICE_NAME, StsException::builder),
        client(CloudWatchLogsClient.class, caller, CloudWatchLogsClient.SERVICE_NAME, CloudWatchLogsException::builder));
  }

  record Caller(Cloud cloud, String accountId, String region) {
    String principalArn() {
      return "arn:aws:iam::" + accountId + ":root";
    }
  }

  private static <T> T client(Class<T> type, Caller caller, String service,
      Supplier<? extends AwsServiceException.Builder> errors) {
    InvocationHandler handler = new Handler(new Calls(caller, new ServiceErrors(type, errors)), service);
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /**
   * An action's request object goes to the cloud; every other method of the interface (the
   * builder-consumer overloads, paginators, waiters) is the SDK's own default method, which ends in
   * one of those calls.
   */
  private record Handler(Calls calls, String service) implements InvocationHandler {
    @Override
    public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
      if (args != null && args.length == 1 && args[0] instanceof SdkRequest request) {
        return calls.call(request, method.getReturnType());
      }
      return switch (method.getName()) {
        case "close" -> null;
        case "serviceName" -> service;
        case "toString" -> "in-process " + service + " client of " + calls.caller().accountId();
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> args != null && proxy == args[0];
        default -> InvocationHandler.invokeDefault(proxy, method, args);
      };
    }
  }

  /** One account's calls to the cloud, AWS's errors turned into the service's SDK exceptions. */
  record Calls(Caller caller, ServiceErrors errors) {
    <T> T call(SdkRequest request, Class<T> response) {
      try {
        return response.cast(caller.cloud().call(caller.accountId(), caller.region(), caller.principalArn(), request));
      } catch (AwsException e) {
        throw errors.of(e);
      }
    }
  }

  /** A service's SDK exceptions: the modelled class named after the error code, or the service's own. */
  record ServiceErrors(Class<?> client, Supplier<? extends AwsServiceException.Builder> fallback) {
    AwsServiceException of(AwsException e) {
      AwsErrorDetails details = AwsErrorDetails.builder().errorCode(e.code()).errorMessage(e.getMessage())
          .serviceName(client.getSimpleName().replace("Client", ""))
          .sdkHttpResponse(SdkHttpResponse.builder().statusCode(e.status()).build()).build();
      return builder(e.code()).awsErrorDetails(details).statusCode(e.status())
          .message(e.getMessage() + " (Service: " + details.serviceName() + ", Status Code: " + e.status() + ")")
          .build();
    }

    private AwsServiceException.Builder builder(String code) {
      String models = client.getPackageName() + ".model.";
      for (String name : new String[] {models + code + "Exception", models + code}) {
        Class<?> modelled = modelled(name);
        if (modelled != null) {
          try {
            return (AwsServiceException.Builder) modelled.getMethod("builder").invoke(null);
          } catch (ReflectiveOperationException | ClassCastException e) {
            break;
          }
        }
      }
      return fallback.get();
    }

    private static @Nullable Class<?> modelled(String name) {
      if (name.indexOf('.', name.lastIndexOf(".model.") + 7) >= 0) {
        return null; // an EC2 code such as InvalidVpcID.NotFound names no class
      }
      try {
        Class<?> c = Class.forName(name, false, ServiceErrors.class.getClassLoader());
        return AwsServiceException.class.isAssignableFrom(c) ? c : null;
      } catch (ClassNotFoundException e) {
        return null;
      }
    }
  }
}
