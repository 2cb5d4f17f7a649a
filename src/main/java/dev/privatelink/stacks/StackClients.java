package dev.privatelink.stacks;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK for Java v2 clients of one account: pointed at the local endpoint over HTTP (the
 * access key id is the account id, which is how the local cloud tells accounts apart), or any
 * other implementation of the SDK's client interfaces (see {@link #of}).
 */
public final class StackClients implements AutoCloseable {
  private final @Nullable SdkHttpClient http;
  private final Ec2Client ec2;
  private final ElasticLoadBalancingV2Client elb;
  private final AcmClient acm;
  private final StsClient sts;
  private final CloudWatchLogsClient logs;
  private final String accountId;

  public StackClients(URI endpoint, String accountId, Region region) {
    this.accountId = accountId;
    SdkHttpClient http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build();
    this.http = http;
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accountId, "privatelink-local"));
    var config = ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(120)).build();
    this.ec2 = Ec2Client.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
        .httpClient(http).overrideConfiguration(config).build();
    this.elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint).region(region)
        .credentialsProvider(credentials).httpClient(http).overrideConfiguration(config).build();
    this.acm = AcmClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
        .httpClient(http).overrideConfiguration(config).build();
    this.sts = StsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
        .httpClient(http).overrideConfiguration(config).build();
    this.logs = CloudWatchLogsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
        .httpClient(http).overrideConfiguration(config).build();
  }

  private StackClients(String accountId, Ec2Client ec2, ElasticLoadBalancingV2Client elb, AcmClient acm, StsClient sts,
      CloudWatchLogsClient logs) {
    this.http = null;
    this.accountId = accountId;
    this.ec2 = ec2;
    this.elb = elb;
    this.acm = acm;
    this.sts = sts;
    this.logs = logs;
  }

  /** The clients of {@code accountId} as given, e.g. served in the cloud's own process. */
  public static StackClients of(String accountId, Ec2Client ec2, ElasticLoadBalancingV2Client elb, AcmClient acm,
      StsClient sts, CloudWatchLogsClient logs) {
    return new StackClients(accountId, ec2, elb, acm, sts, logs);
  }

  public Ec2Client ec2() {
    return ec2;
  }

  public ElasticLoadBalancingV2Client elb() {
    return elb;
  }

  public AcmClient acm() {
    return acm;
  }

  public StsClient sts() {
    return sts;
  }

  public CloudWatchLogsClient logs() {
    return logs;
  }

  public String accountId() {
    return accountId;
  }

  @Override
  public void close() {
    ec2.close();
    elb.close();
    acm.close();
    sts.close();
    logs.close();
    if (http != null) {
      http.close();
    }
  }
}
