package dev.privatelink.control.ec2.keypair;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.KeyType;

/**
 * Key pairs: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateKeyPair.html">CreateKeyPair</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ImportKeyPair.html">ImportKeyPair</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeKeyPairs.html">DescribeKeyPairs</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteKeyPair.html">DeleteKeyPair</a>.
 * Only the public half is kept; the private key is returned once, by CreateKeyPair.
 */
public final class KeyPairActions implements ActionHandler {
  private final Ec2State state;

  public KeyPairActions(Ec2State state) {
    this.state = state;
  }

  public CreateKeyPairResponse createKeyPair(RequestContext ctx, CreateKeyPairRequest request) {
    String type = request.keyTypeAsString() == null ? "rsa" : request.keyTypeAsString();
    validateNew(ctx, request.keyName(), request.tagSpecifications());
    if (KeyType.fromValue(type) == KeyType.UNKNOWN_TO_SDK_VERSION) {
      throw AwsException.invalidParameterValue("Value (" + type + ") for parameter keyType is invalid.");
    }
    KeyGenerator.Generated key = KeyGenerator.generate(KeyType.fromValue(type), ctx.ids());
    KeyPairRecord record = store(ctx, request.keyName(), type, key.fingerprint(), key.publicKey(), request.tagSpecifications());
    return CreateKeyPairResponse.builder().keyName(record.keyName()).keyPairId(record.keyPairId())
        .keyFingerprint(record.fingerprint()).keyMaterial(key.privateKeyPem())
        .tags(state.echoedTags(ctx.scope(), record.keyPairId())).build();
  }

  public ImportKeyPairResponse importKeyPair(RequestContext ctx, ImportKeyPairRequest request) {
    validateNew(ctx, request.keyName(), request.tagSpecifications());
    if (request.publicKeyMaterial() == null) {
      throw Ec2Errors.required("PublicKeyMaterial");
    }
    OpenSshKeys.PublicKey key = OpenSshKeys.parse(request.publicKeyMaterial().asByteArray());
    KeyPairRecord record = store(ctx, request.keyName(), key.keyType(), key.importFingerprint(), key.text(),
        request.tagSpecifications());
    return ImportKeyPairResponse.builder().keyName(record.keyName()).keyPairId(record.keyPairId())
        .keyFingerprint(record.fingerprint()).tags(state.echoedTags(ctx.scope(), record.keyPairId())).build();
  }

  @ReadOnly
  public DescribeKeyPairsResponse describeKeyPairs(RequestContext ctx, DescribeKeyPairsRequest request) {
    Scope scope = ctx.scope();
    // KeyName.N and KeyPairId.N both select; DescribeKeyPairs has no paging.
    List<KeyPairRecord> named = Describe.select(state.keyPairs().all(scope), request.keyNames(), KeyPairRecord::keyName,
        Ec2Errors::keyPairNotFound);
    Filters<KeyPairRecord> filters = Filters.<KeyPairRecord>of(k -> state.tagMap(scope, k.keyPairId()))
        .one("key-pair-id", KeyPairRecord::keyPairId).one("key-name", KeyPairRecord::keyName)
        .one("fingerprint", KeyPairRecord::fingerprint).one("key-type", KeyPairRecord::keyType).build();
    boolean withPublicKey = Boolean.TRUE.equals(request.includePublicKey());
    List<KeyPairRecord> keys = Describe.of(KeyPairRecord::keyPairId, id -> AwsException.badRequest("InvalidKeyPair.NotFound",
        "The key pair ID '" + id + "' does not exist"), filters).matching(named, request.keyPairIds(), request.filters());
    return DescribeKeyPairsResponse.builder().keyPairs(keys.stream()
        .map(k -> KeyPairInfo.builder().keyPairId(k.keyPairId()).keyName(k.keyName()).keyType(k.keyType())
            .keyFingerprint(k.fingerprint()).createTime(k.createTime()).tags(state.tagList(scope, k.keyPairId()))
            .publicKey(withPublicKey ? k.publicKey() : null).build())
        .toList()).build();
  }

  /** Deleting a key pair that does not exist succeeds, as in AWS. */
  public DeleteKeyPairResponse deleteKeyPair(RequestContext ctx, DeleteKeyPairRequest request) {
    Scope scope = ctx.scope();
    if (request.keyName() == null && request.keyPairId() == null) {
      throw Ec2Errors.required("KeyName");
    }
    var key = request.keyName() != null ? state.keyPairs().find(scope, request.keyName())
        : state.keyPairById(scope, request.keyPairId());
    key.ifPresent(k -> {
      state.keyPairs().remove(scope, k.keyName());
      state.tags().drop(scope, k.keyPairId());
    });
    return DeleteKeyPairResponse.builder().returnValue(true)
        .keyPairId(key.map(KeyPairRecord::keyPairId).orElse(null)).build();
  }

  private void validateNew(RequestContext ctx, String name, List<software.amazon.awssdk.services.ec2.model.TagSpecification> specs) {
    if (name == null || name.isEmpty()) {
      throw Ec2Errors.required("KeyName");
    }
    if (name.length() > 255 || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw AwsException.invalidParameterValue("Value (" + name + ") for parameter keyName is invalid.");
    }
    if (state.keyPairs().find(ctx.scope(), name).isPresent()) {
      throw AwsException.badRequest("InvalidKeyPair.Duplicate", "The keypair '" + name + "' already exists.");
    }
    TagSpecs.validate(state.tags(), ctx.scope(), specs, "key-pair");
  }

  private KeyPairRecord store(RequestContext ctx, String name, String type, String fingerprint, String publicKey,
      List<software.amazon.awssdk.services.ec2.model.TagSpecification> specs) {
    KeyPairRecord record = new KeyPairRecord(ctx.ids().ec2Id("key"), name, type, fingerprint, publicKey, ctx.now());
    state.keyPairs().put(ctx.scope(), name, record);
    TagSpecs.apply(state.tags(), ctx.scope(), record.keyPairId(), specs, "key-pair");
    return record;
  }
}
