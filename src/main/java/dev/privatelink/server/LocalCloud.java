package dev.privatelink.server;

import dev.privatelink.api.ApiServer;
import dev.privatelink.api.Credentials;
import dev.privatelink.control.Cloud;
import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.SeedStack;
import dev.privatelink.store.DataDir;
import dev.privatelink.store.Store;
import java.io.IOException;
import java.lang.System.Logger;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One running local cloud: the data dir (locked), the journal replayed into the control plane,
 * the host kept in step with it, and the API in front. {@link #close} stops the API and removes
 * every host object; the state stays in the data dir for the next start.
 */
public final class LocalCloud implements AutoCloseable {
  private static final Logger LOG = System.getLogger(LocalCloud.class.getName());
  private final DataDir dataDir;
  private final Store store;
  private final Cloud cloud;
  private final HostSync hostSync;
  private final ApiServer api;
  private final String endpoint;

  private final DrainTicker ticker;
  private final Optional<NotificationWebhook> webhook;
  private final boolean dataPlane;

  private LocalCloud(DataDir dataDir, Store store, Cloud cloud, HostSync hostSync, DrainTicker ticker,
      Optional<NotificationWebhook> webhook, ApiServer api, String endpoint, boolean dataPlane) {
    this.dataPlane = dataPlane;
    this.ticker = ticker;
    this.webhook = webhook;
    this.endpoint = endpoint;
    this.dataDir = dataDir;
    this.store = store;
    this.cloud = cloud;
    this.hostSync = hostSync;
    this.api = api;
  }

  /**
   * Starts a cloud: replays its journal, then opens the API while the data plane is built beside it
   * (see {@link BackgroundHostSync}); the host is brought in line once it is.
   */
  public static LocalCloud start(ServerOptions options) throws IOException {
    DataDir dir = DataDir.lock(options.dataDir());
    Store store;
    try {
      store = Store.open(dir.root());
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
    Cloud cloud = store.cloud();
    LOG.log(Logger.Level.INFO, "replayed " + store.replayed() + " changes after the snapshot from " + dir.root());
    HostSync sync;
    try {
      sync = HostSync.create(options, cloud, dir);
    } catch (RuntimeException e) {
      store.close();
      dir.close();
      throw e;
    }
    sync.start();
    DrainTicker ticker = new DrainTicker(cloud);
    ticker.start();
    Optional<NotificationWebhook> webhook = options.notificationWebhookUrl().map(url -> new NotificationWebhook(cloud, url));
    webhook.ifPresent(NotificationWebhook::start);
    Path strictFile = options.strictCredentials();
    Optional<Credentials> strict = strictFile != null ? Optional.of(Credentials.load(strictFile)) : Optional.empty();
    ApiServer api = new ApiServer(cloud, options.host(), options.port(), strict);
    api.hostVersion(sync::hostVersion);
    api.localAccess(LocalToken.create(dir.root()), options.allowUnsignedReset());
    api.addJsonView("/_privatelink/instances", account -> Views.instances(cloud, account));
    api.addJsonView("/_privatelink/notifications", account -> Views.notifications(cloud, account));
    api.addPage(Views.CONSOLE, "/dev/privatelink/server/console.html");
    api.addEventStream(Views.CONSOLE + "/events", account -> Views.console(cloud, account, sync.linkCounts()));
    api.addJsonView(Views.CONSOLE + "/links", account -> Views.consoleLinks(cloud, account, sync.linkCounts()));
    api.addLocalAction("/_privatelink/forwards", new ForwardActions(cloud, sync::forwards)::answer);
    InstanceProbe probe = new InstanceProbe(cloud, dir.root());
    api.addLocalAction("/_privatelink/probe", (method, query, account) -> probe.probe(account, query));
    api.start();
    LocalCloud local = new LocalCloud(dir, store, cloud, sync, ticker, webhook, api,
        options.toBuilder().port(api.port()).build().endpoint(), options.dataPlane());
    api.addStreamingAction("/_privatelink/seed", new SeedRoute(local)::answer);
    ServerInfo.current(local.endpoint()).write(dir.root());
    return local;
  }

  public Cloud cloud() {
    return cloud;
  }

  /**
   * Makes (or finds) the seed stack's resources in this cloud, through the SDK's client interfaces
   * served in this process ({@link InProcessClients}), and waits until it carries traffic when a
   * data plane runs. Throws what the stack throws when a call fails or a wait gives up.
   */
  public SeedOutputs applySeed(String providerAccount, String consumerAccount, Progress progress) {
    return new SeedStack(account -> InProcessClients.of(cloud, account, "us-east-1"), providerAccount, consumerAccount,
        progress, dataPlane).apply();
  }

  /** The API's URL, e.g. {@code http://127.0.0.1:4566}. */
  public String endpoint() {
    return endpoint;
  }

  public int port() {
    return api.port();
  }

  @Override
  public void close() {
    // Every step runs even if one before it fails, so the data dir is always released.
    try {
      api.close();
      ticker.close();
      webhook.ifPresent(NotificationWebhook::close);
      hostSync.close();
    } finally {
      try {
        java.nio.file.Files.deleteIfExists(ServerInfo.file(dataDir.root()));
        store.close();
        dataDir.close();
      } catch (IOException e) {
        LOG.log(Logger.Level.WARNING, "closing the data dir failed", e);
      }
    }
  }
}
