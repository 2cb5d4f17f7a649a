package dev.privatelink.dataplane.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class TlsContextsTest {
  @Test
  void listenersNameNoClientIssuerAndTrustNoClientCertificate() {
    TrustManager[] managers = TlsContexts.NoClientCertificates.FACTORY.getTrustManagers();
    assertEquals(1, managers.length);
    X509TrustManager manager = (X509TrustManager) managers[0];
    assertEquals(0, manager.getAcceptedIssuers().length);
    assertThrows(CertificateException.class, () -> manager.checkClientTrusted(new X509Certificate[0], "RSA"));
  }
}
