package dev.sluice.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The settings of the admin client beside a consumer or producer: theirs that it knows. */
final class AdminSettings {

  private AdminSettings() {}

  /**
   * The entries of {@code client} that are admin settings too (servers, security, timeouts), so
   * that the admin client connects as the consumer or producer does and warns of nothing unknown.
   */
  static Map<String, Object> of(Map<String, Object> client, String clientId) {
    Map<String, Object> admin = new HashMap<>();
    Set<String> names = AdminClientConfig.configNames();
    client.forEach(
        (key, value) -> {
          if (names.contains(key)) {
            admin.put(key, value);
          }
        });
    admin.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    return Map.copyOf(admin);
  }
}
