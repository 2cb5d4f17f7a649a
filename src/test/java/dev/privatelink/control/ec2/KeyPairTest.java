package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ASN1Primitive;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.KeyType;

class KeyPairTest {
  private final Ec2Fixture f = new Ec2Fixture();

  @Test
  void createdRsaKeyIsPkcs1PemWithSha1Fingerprint() throws Exception {
    CreateKeyPairResponse r = f.call(CreateKeyPairRequest.builder().keyName("demo").build());
    assertTrue(r.keyPairId().matches("key-" + Ec2Fixture.ID17));
    assertTrue(r.keyMaterial().startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
    String body = r.keyMaterial().replaceAll("-----[A-Z ]+-----", "").replace("\n", "");
    byte[] pkcs1 = Base64.getDecoder().decode(body);
    byte[] pkcs8 = new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
        ASN1Primitive.fromByteArray(pkcs1)).getEncoded();
    var key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    assertEquals(2048, key.getModulus().bitLength());
    String sha1 = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-1").digest(pkcs8));
    assertEquals(sha1, r.keyFingerprint());
    assertFalse(r.hasTags(), "AWS leaves tagSet out when the request tagged nothing");
    f.fails("InvalidKeyPair.Duplicate", CreateKeyPairRequest.builder().keyName("demo").build());
  }

  @Test
  void importedKeysAreFingerprintedAsAwsDoes() throws Exception {
    CreateKeyPairResponse made = f.call(CreateKeyPairRequest.builder().keyName("source").build());
    DescribeKeyPairsResponse withKey = f.call(DescribeKeyPairsRequest.builder().keyNames("source").includePublicKey(true).build());
    String publicKey = withKey.keyPairs().get(0).publicKey();
    assertTrue(publicKey.startsWith("ssh-rsa AAAA"));
    ImportKeyPairResponse imported = f.call(ImportKeyPairRequest.builder().keyName("imported")
        .publicKeyMaterial(SdkBytes.fromUtf8String(publicKey + " me@host\n")).build());
    // The MD5 of the DER public key: recompute it from the private key we were given.
    String body = made.keyMaterial().replaceAll("-----[A-Z ]+-----", "").replace("\n", "");
    var rsa = org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(Base64.getDecoder().decode(body));
    var pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    assertEquals(HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(pub.getEncoded())),
        imported.keyFingerprint());

    CreateKeyPairResponse ed = f.call(CreateKeyPairRequest.builder().keyName("ed").keyType(KeyType.ED25519).build());
    assertTrue(ed.keyMaterial().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
    assertTrue(ed.keyFingerprint().endsWith("="));
    f.fails("InvalidKey.Format", ImportKeyPairRequest.builder().keyName("bad")
        .publicKeyMaterial(SdkBytes.fromUtf8String("ssh-rsa notbase64!")).build());
  }

  @Test
  void describeAndDelete() {
    f.call(CreateKeyPairRequest.builder().keyName("a").build());
    f.fails("InvalidKeyPair.NotFound", DescribeKeyPairsRequest.builder().keyNames("b").build());
    f.call(DeleteKeyPairRequest.builder().keyName("a").build());
    f.call(DeleteKeyPairRequest.builder().keyName("a").build());
    DescribeKeyPairsResponse none = f.call(DescribeKeyPairsRequest.builder().build());
    assertTrue(none.keyPairs().isEmpty());
  }
}
