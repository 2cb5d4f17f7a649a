package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.ListenerSpec.CertificateSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** A TLS target for tests: greets each connection with its name and whether it came over TLS, then echoes. */
final class TlsBackend implements AutoCloseable {
  private final String name;
  private final SSLServerSocket server;

  TlsBackend(String name, String ip, CertificateSpec cert) throws Exception {
    this.name = name;
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("k", Pem.privateKey(cert.privateKeyPem()), new char[0],
        Pem.chain(cert.certificatePem(), null).toArray(X509Certificate[]::new));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName(ip), 0));
    Thread.ofVirtual().start(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        SSLSocket s = (SSLSocket) server.accept();
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SSLSocket s) {
    try (s; InputStream in = s.getInputStream()) {
      s.startHandshake();
      s.getOutputStream().write((name + " over " + s.getSession().getProtocol() + "\n").getBytes(StandardCharsets.US_ASCII));
      byte[] buf = new byte[16384];
      int n;
      while ((n = in.read(buf)) > 0) {
        s.getOutputStream().write(buf, 0, n);
      }
    } catch (IOException ignored) {
      // the flow ended
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
