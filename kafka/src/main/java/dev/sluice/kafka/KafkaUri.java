package dev.sluice.kafka;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code kafka://HOST:PORT[,HOST:PORT...]/TOPIC?name=value&...} for the command line: the
 * brokers, the topic and the options, each option a Sluice option of the source or sink or else a
 * Kafka client property.
 */
final class KafkaUri {

  private final String uri;
  final String bootstrapServers;
  final String topic;

  /** The options in the order given, names as written. */
  final Map<String, String> options;

  private KafkaUri(String uri, String bootstrapServers, String topic, Map<String, String> options) {
    this.uri = uri;
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.options = options;
  }

  static KafkaUri parse(URI uri, String kind) {
    String authority = uri.getRawAuthority();
    String path = uri.getRawPath();
    if (authority == null
        || authority.isEmpty()
        || authority.contains("@")
        || path == null
        || path.length() < 2
        || path.indexOf('/', 1) >= 0
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "kafka "
              + kind
              + " URI '"
              + uri
              + "' must be kafka://host:port[,host:port...]/topic[?option=value&...], such as"
              + " kafka://127.0.0.1:9092/words?group=wc");
    }
    Map<String, String> options = new LinkedHashMap<>();
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException(
              "kafka " + kind + " URI '" + uri + "': option '" + pair + "' must be name=value");
        }
        options.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
      }
    }
    return new KafkaUri(uri.toString(), authority, decode(path.substring(1)), options);
  }

  /** A bad option value: {@code kafka source URI 'U': NAME must be WHAT, was 'V'}. */
  IllegalArgumentException bad(String kind, String name, String what, String value) {
    return new IllegalArgumentException(
        "kafka "
            + kind
            + " URI '"
            + uri
            + "': "
            + name
            + " must be "
            + what
            + ", was '"
            + value
            + "'");
  }

  /** An option whose name is neither Sluice's nor Kafka's. */
  IllegalArgumentException unknown(String kind, String name, String sluiceOptions, String client) {
    return new IllegalArgumentException(
        "kafka "
            + kind
            + " URI '"
            + uri
            + "': unknown option '"
            + name
            + "'; use "
            + sluiceOptions
            + " or a Kafka "
            + client
            + " property");
  }

  <E extends Enum<E>> E choice(String kind, String name, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder names = new StringBuilder();
      E[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        names.append(i == 0 ? "" : i == constants.length - 1 ? " or " : ", ");
        names.append(constants[i].name().toLowerCase(Locale.ROOT));
      }
      throw bad(kind, name, names.toString(), value);
    }
  }

  long positiveLong(String kind, String name, String value) {
    try {
      long parsed = Long.parseLong(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(kind, name, "a positive whole number", value);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
