package dev.kqlhunt.exec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads the content behind an {@code externaldata} URL. {@link #DEFAULT} fetches {@code http(s)} URLs
 * (30 s timeout, status 200 only) and reads {@code file:} URLs and plain paths; anything else is an
 * error. Tests and offline runs supply their own (e.g. {@link #EMPTY}).
 */
@FunctionalInterface
public interface ExternalDataResolver {
  /** The text at {@code url} (UTF-8); throws IOException with a reason when it cannot be read. */
  String read(String url) throws IOException;

  /** Every URL reads as empty content: an offline stand-in, for tests that only need the query to run. */
  ExternalDataResolver EMPTY = url -> "";

  ExternalDataResolver DEFAULT = ExternalDataResolver::fetch;

  private static String fetch(String url) throws IOException {
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) throw new IOException("HTTP status " + response.statusCode());
        return response.body();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (IllegalArgumentException e) {
        throw new IOException("bad URL", e);
      }
    }
    Path path = lower.startsWith("file:") ? Path.of(URI.create(url)) : Path.of(url);
    if (!Files.isRegularFile(path)) throw new IOException("no such file");
    return Files.readString(path, StandardCharsets.UTF_8);
  }
}
