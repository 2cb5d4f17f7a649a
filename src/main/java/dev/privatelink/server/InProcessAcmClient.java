package dev.privatelink.server;

import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.ImportCertificateRequest;
import software.amazon.awssdk.services.acm.model.ImportCertificateResponse;
import software.amazon.awssdk.services.acm.model.ListCertificatesRequest;
import software.amazon.awssdk.services.acm.model.ListCertificatesResponse;
import software.amazon.awssdk.services.acm.model.ListTagsForCertificateRequest;
import software.amazon.awssdk.services.acm.model.ListTagsForCertificateResponse;

/**
 * The ACM client interface served in this process (see {@link InProcessClients}), for the
 * actions the seed stack calls; any other throws the SDK's {@code UnsupportedOperationException}.
 */
final class InProcessAcmClient extends InProcessClient implements AcmClient {
  InProcessAcmClient(InProcessClients.Calls calls) {
    super(calls, SERVICE_NAME);
  }

  @Override
  public ImportCertificateResponse importCertificate(ImportCertificateRequest request) {
    return calls.call(request, ImportCertificateResponse.class);
  }

  @Override
  public ListCertificatesResponse listCertificates(ListCertificatesRequest request) {
    return calls.call(request, ListCertificatesResponse.class);
  }

  @Override
  public ListTagsForCertificateResponse listTagsForCertificate(ListTagsForCertificateRequest request) {
    return calls.call(request, ListTagsForCertificateResponse.class);
  }
}
