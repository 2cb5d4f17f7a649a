package dev.privatelink.server;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.stacks.StackClients;
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
 * The AWS SDK's client interfaces of one account, served by this process's {@link Cloud}: each
 * call goes to {@link Cloud#call} with the account's root as the caller, exactly as the API sends
 * a decoded request (journal, group commit and reconcile alike), only without HTTP, SigV4 and the
 * wire codecs. AWS's errors come back as the SDK's own exceptions (the modelled one where the
 * service has it, e.g. {@code LoadBalancerNotFoundException}), so code written against the SDK runs
 * unchanged. It is how {@code up} applies the seed inside the cloud: the stack's ~150 calls then
 * cost what the actions cost, and no JVM loads the SDK's HTTP stack first.
 *
 * <p>Each interface is implemented by a small class with the actions the seed calls (the SDK's
 * default methods, the builder overloads and paginators, end in those), not by a {@code
 * java.lang.reflect.Proxy}: the JDK cannot make a proxy of EC2's ~700 methods (its class
 * initialiser outgrows 64 KiB), and proxies of the others took ~250 ms to generate on a cold start,
 * outside the AOT cache.
 */
public final class InProcessClients {
  private InProcessClients() {}

  /** The clients of {@code accountId} in {@code region}. */
  public static StackClients of(Cloud cloud, String accountId, String region) {
    Caller caller = new Caller(cloud, accountId, region);
    return StackClients.of(accountId,
        new InProcessEc2Client(new Calls(caller, new ServiceErrors(Ec2Client.class, Ec2Exception::builder))),
        new InProcessElbClient(new Calls(caller, new ServiceErrors(ElasticLoadBalancingV2Client.class,
            ElasticLoadBalancingV2Exception::builder))),
        new InProcessAcmClient(new Calls(caller, new ServiceErrors(AcmClient.class, AcmException::builder))),
        new InProcessStsClient(new Calls(caller, new ServiceErrors(StsClient.class, StsException::builder))),
        new InProcessLogsClient(new Calls(caller, new ServiceErrors(CloudWatchLogsClient.class,
            CloudWatchLogsException::builder))));
  }

  record Caller(Cloud cloud, String accountId, String region) {
    String principalArn() {
      return "arn:aws:iam::" + accountId + ":root";
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
