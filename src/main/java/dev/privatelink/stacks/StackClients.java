package dev.privatelink.stacks;

import java.net.URI;
import java.time.Duration;
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
 * The AWS SDK for Java v2 clients of one account, pointed at the local endpoint. The access key id
 * is the account id, which is how the local cloud tells accounts apart.
 */
public final class StackClients implements AutoCloseable {
  private final SdkHttpClient http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build();
  private final Ec2Client ec2;
  private final ElasticLoadBalancingV2Client elb;
  private final AcmClient acm;
  private final StsClient sts;
  private final CloudWatchLogsClient logs;
  private final String accountId;

  public StackClients(URI endpoint, String accountId, Region region) {
    this.accountId = accountId;
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

  /**
   * Loads and initialises the SDK's client classes (builders, endpoint rules, signers) by making and
   * closing a set of clients, without a call: run while the cloud starts, it takes that cost off the
   * stack's first call.
   */
  public static void warmUp() {
    new StackClients(URI.create("http://127.0.0.1"), "000000000000", Region.US_EAST_1).close();
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
    http.close();
  }
}
