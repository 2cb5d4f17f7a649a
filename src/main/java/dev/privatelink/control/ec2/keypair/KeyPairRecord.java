package dev.privatelink.control.ec2.keypair;

import java.time.Instant;

/**
 * A key pair as EC2 keeps it: the public half only, in OpenSSH form.
 *
 * @param keyType {@code rsa} or {@code ed25519}
 */
public record KeyPairRecord(String keyPairId, String keyName, String keyType, String fingerprint, String publicKey,
    Instant createTime) {}
