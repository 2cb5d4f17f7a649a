package dev.privatelink.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.privatelink.control.Features;
import dev.privatelink.control.Scope;
import dev.privatelink.control.StateFields;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The live state as JSON, by state path (see {@link StateFields}). Records are written field by
 * field and read through their canonical constructor, so a component added after an upgrade reads
 * as null (or 0) and a component removed is ignored; AWS SDK model objects go through their
 * SdkField metadata (the JSON protocol codec the journal uses); a {@link Scope} key is
 * {@code account/region}; an {@link Instant} is ISO-8601. A path the code no longer has is
 * skipped; a path the snapshot lacks keeps the new code's initial value.
 */
final class StateCodec {
  private static final ObjectMapper MAPPER = mapper();

  private StateCodec() {}

  /** The state of {@code features} as a tree: the consistent copy a snapshot is written from. */
  static ObjectNode encode(Features features) {
    ObjectNode out = MAPPER.createObjectNode();
    StateFields.of(features).forEach((path, leaf) -> out.set(path, MAPPER.valueToTree(leaf.get())));
    return out;
  }

  /** Fills {@code features} from a tree {@link #encode} made; {@code skipped} hears of unknown paths. */
  static void decode(JsonNode state, Features features, Consumer<String> skipped) throws IOException {
    Map<String, StateFields.Leaf> leaves = StateFields.of(features);
    for (Map.Entry<String, JsonNode> e : state.properties()) {
      StateFields.Leaf leaf = leaves.get(e.getKey());
      if (leaf == null) {
        skipped.accept(e.getKey());
        continue;
      }
      leaf.set(MAPPER.readerFor(typeOf(leaf)).readValue(e.getValue()));
    }
  }

  private static JavaType typeOf(StateFields.Leaf leaf) {
    TypeFactory types = MAPPER.getTypeFactory();
    JavaType value = types.constructType(leaf.type());
    if (leaf instanceof StateFields.Table) {
      return types.constructMapType(LinkedHashMap.class, types.constructType(Scope.class),
          types.constructMapType(LinkedHashMap.class, types.constructType(String.class), value));
    }
    return value;
  }

  static ObjectMapper mapper() {
    SimpleModule module = new SimpleModule("privatelink-state");
    module.addSerializer(Instant.class, new JsonSerializer<>() {
      @Override public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(v.toString());
      }
    });
    module.addSerializer(SdkPojo.class, new JsonSerializer<>() {
      @Override public void serialize(SdkPojo v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeTree(JournalLines.codecFor(v.getClass()).encode(v));
      }
    });
    scopeKeys(module);
    module.setDeserializers(deserializers());
    ObjectMapper mapper = new ObjectMapper();
    mapper.setDefaultTyping(sealedTypes(mapper));
    return mapper.registerModule(module)
        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  /**
   * A value declared as a sealed interface of ours (e.g. an interface's owner) names its record:
   * {@code {"@type":"dev.privatelink.control.InterfaceOwner$Instance", …}}. Only our own classes
   * are accepted as such names.
   */
  private static ObjectMapper.DefaultTypeResolverBuilder sealedTypes(ObjectMapper mapper) {
    var ours = com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator.builder()
        .allowIfSubType("dev.privatelink.").build();
    var builder = new ObjectMapper.DefaultTypeResolverBuilder(ObjectMapper.DefaultTyping.NON_FINAL, ours) {
      @Override public boolean useForType(JavaType t) {
        Class<?> raw = t.getRawClass();
        return raw.isSealed() && raw.isInterface() && raw.getPackageName().startsWith("dev.privatelink.");
      }
    };
    builder.init(com.fasterxml.jackson.annotation.JsonTypeInfo.Id.CLASS, null);
    builder.inclusion(com.fasterxml.jackson.annotation.JsonTypeInfo.As.PROPERTY);
    return builder;
  }

  /** A {@link Scope} map key is {@code account/region}. */
  private static void scopeKeys(SimpleModule module) {
    module.addKeySerializer(Scope.class, new JsonSerializer<>() {
      @Override public void serialize(Scope v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeFieldName(v.accountId() + "/" + v.region());
      }
    });
    module.addKeyDeserializer(Scope.class, new KeyDeserializer() {
      @Override public Object deserializeKey(String key, DeserializationContext c) {
        int slash = key.indexOf('/');
        return new Scope(key.substring(0, slash), key.substring(slash + 1));
      }
    });
  }

  /** Instants from ISO-8601; any SDK model class through its SdkField metadata. */
  private static SimpleDeserializers deserializers() {
    SimpleDeserializers deserializers = new SimpleDeserializers() {
      @Override public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription bean)
          throws com.fasterxml.jackson.databind.JsonMappingException {
        Class<?> raw = type.getRawClass();
        if (!SdkPojo.class.isAssignableFrom(raw)) {
          return super.findBeanDeserializer(type, config, bean);
        }
        return new JsonDeserializer<Object>() {
          @Override public Object deserialize(JsonParser p, DeserializationContext c) throws IOException {
            return JournalLines.codecFor(raw).decode(raw, p.readValueAsTree());
          }
        };
      }
    };
    deserializers.addDeserializer(Instant.class, new JsonDeserializer<>() {
      @Override public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return Instant.parse(p.getValueAsString());
      }
    });
    return deserializers;
  }
}
