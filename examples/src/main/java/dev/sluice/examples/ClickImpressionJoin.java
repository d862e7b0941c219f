package dev.sluice.examples;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Join;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.util.List;

/**
 * Attributes clicks to the impressions of the same ad in the same batch: Spark Streaming's {@code
 * clicks.join(impressions)} on two keyed streams.
 *
 * <p>Clicks arrive as {@code adId,userId} lines and impressions as {@code adId,page} lines; each
 * attributed click prints as Spark prints a joined pair, {@code (adId,(userId,page))}. Run {@code
 * ClickImpressionJoinMain} for the built-in demo input, or bind sockets with {@code --clicks
 * socket://localhost:9998 --impressions socket://localhost:9999}.
 */
@Pipeline(batchInterval = "2s")
public final class ClickImpressionJoin {

  /** Demo clicks: three batches, then none. */
  @Input
  Source<String> clicks() {
    return Sources.batches(
        List.of(
            List.of("ad1,alice", "ad2,bob", "ad9,carol"),
            List.of("ad1,dave"),
            List.of("ad3,erin", "ad3,frank")));
  }

  /** Demo impressions: the pages the ads were shown on. */
  @Input
  Source<String> impressions() {
    return Sources.batches(
        List.of(
            List.of("ad1,home", "ad2,news", "ad2,sports"),
            List.of("ad4,home"),
            List.of("ad3,search")));
  }

  @Map(from = "clicks")
  static KV<String, String> clicksByAd(String line) {
    int comma = line.indexOf(',');
    return KV.of(line.substring(0, comma), line.substring(comma + 1));
  }

  @Map(from = "impressions")
  static KV<String, String> impressionsByAd(String line) {
    int comma = line.indexOf(',');
    return KV.of(line.substring(0, comma), line.substring(comma + 1));
  }

  /** Every click with every impression of its ad in the batch, in Spark's record shape. */
  @Join(left = "clicksByAd", right = "impressionsByAd")
  static KV<String, KV<String, String>> attributed(String adId, String user, String page) {
    return KV.of(adId, KV.of(user, page));
  }

  @Output(from = "attributed")
  Sink<KV<String, KV<String, String>>> print() {
    return Sinks.print();
  }
}
