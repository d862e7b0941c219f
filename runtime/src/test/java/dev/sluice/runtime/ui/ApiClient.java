package dev.sluice.runtime.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GETs pages of a UI with the JDK's HTTP client, for tests that read the JSON API. */
final class ApiClient {

  private final HttpClient http = HttpClient.newHttpClient();

  /** The body of {@code path} below {@code base}; fails the test unless it answers 200. */
  String get(URI base, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return response.body();
  }
}
