package dev.privatelink.model.pki;

import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an X.500 name as Bouncy Castle's {@link BCStyle} reads them: its text in RFC 4514
 * order as BC writes it ({@code CN=a,O=b}, not the JDK's spacing), and the first value of an
 * attribute.
 */
public final class X500Names {
  /** The attributes a caller may ask for. */
  public enum Attribute {
    CN(BCStyle.CN), O(BCStyle.O), OU(BCStyle.OU), C(BCStyle.C), ST(BCStyle.ST), L(BCStyle.L);

    private final ASN1ObjectIdentifier oid;

    Attribute(ASN1ObjectIdentifier oid) {
      this.oid = oid;
    }
  }

  private X500Names() {}

  public static String text(X500Principal name) {
    return X500Name.getInstance(name.getEncoded()).toString();
  }

  /** The first value of {@code attribute}, or null when the name has none. */
  public static @Nullable String first(X500Principal name, Attribute attribute) {
    RDN[] rdns = X500Name.getInstance(name.getEncoded()).getRDNs(attribute.oid);
    return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }
}
