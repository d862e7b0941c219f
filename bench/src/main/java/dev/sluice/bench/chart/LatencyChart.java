package dev.sluice.bench.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Draws end-to-end latency against batch interval from an {@code EndToEnd} results file, as a PNG:
 * p50, p99 and p99.9 for each run (each parallelism at half its own sustained rate, and parallelism
 * 2 at half the rate of parallelism 1), both axes logarithmic, with the batch interval itself as a
 * dashed reference.
 *
 * <p>Usage: {@code LatencyChart RESULTS.tsv OUT.png}. Plain Java2D, so it needs nothing beyond the
 * JDK (run headless).
 */
public final class LatencyChart {

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 600;
  private static final int LEFT = 90;
  private static final int RIGHT = 290;
  private static final int TOP = 60;
  private static final int BOTTOM = 80;
  private static final String[] PERCENTILES = {"p50", "p99", "p99.9"};
  private static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)
  };

  private LatencyChart() {}

  /** Reads the results and writes the chart; see the class comment. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: LatencyChart RESULTS.tsv OUT.png");
    }
    System.setProperty("java.awt.headless", "true");
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    String comment = lines.get(0).startsWith("#") ? lines.get(0).substring(1).trim() : "";
    // run (parallelism and rate) -> percentile -> interval -> latency
    Map<String, Map<String, TreeMap<Double, Double>>> series = new TreeMap<>();
    for (String line : lines) {
      String[] f = line.split("\t");
      if (f.length < 7 || !f[0].startsWith("latency") || !List.of(PERCENTILES).contains(f[3])) {
        continue;
      }
      String run = "parallelism " + f[1] + (f[0].equals("latency") ? "" : ", rate of p1");
      double interval = Double.parseDouble(f[2].replace(" ms", ""));
      series
          .computeIfAbsent(run, r -> new TreeMap<>())
          .computeIfAbsent(f[3], q -> new TreeMap<>())
          .put(interval, Double.parseDouble(f[4]));
    }
    if (series.isEmpty()) {
      throw new IllegalArgumentException(args[0] + " has no latency figures");
    }
    ImageIO.write(draw(series, comment), "png", Path.of(args[1]).toFile());
  }

  private static BufferedImage draw(
      Map<String, Map<String, TreeMap<Double, Double>>> series, String comment) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);

    double xMin = 5;
    double xMax = 2000;
    double yMin = 1;
    double yMax = 10_000;
    Axes axes = new Axes(xMin, xMax, yMin, yMax);

    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString("Sluice WordCount: end-to-end latency vs batch interval", LEFT, 32);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(
        "input at half the sustained rate; record handed to the source -> its count at the"
            + " sink",
        LEFT,
        50);

    // grid and ticks
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (double y = yMin; y <= yMax; y *= 10) {
      int py = axes.y(y);
      g.setColor(new Color(0xdddddd));
      g.drawLine(LEFT, py, WIDTH - RIGHT, py);
      g.setColor(Color.BLACK);
      String label =
          y >= 1000
              ? String.format(Locale.ROOT, "%.0f s", y / 1000)
              : String.format(Locale.ROOT, "%.0f ms", y);
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), py + 4);
    }
    for (double x : new double[] {10, 100, 1000}) {
      int px = axes.x(x);
      g.setColor(new Color(0xdddddd));
      g.drawLine(px, TOP, px, HEIGHT - BOTTOM);
      g.setColor(Color.BLACK);
      String label = x >= 1000 ? "1 s" : String.format(Locale.ROOT, "%.0f ms", x);
      g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, HEIGHT - BOTTOM + 18);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    g.drawString("batch interval", (LEFT + WIDTH - RIGHT) / 2 - 40, HEIGHT - BOTTOM + 38);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString("latency (log scale)", -(TOP + HEIGHT - BOTTOM) / 2 - 50, 22);
    rotated.dispose();

    // the batch interval itself: a record waits on average half of it before its batch closes
    Stroke dashed =
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0);
    g.setStroke(dashed);
    g.setColor(Color.GRAY);
    g.drawLine(axes.x(xMin), axes.y(xMin), axes.x(xMax), axes.y(xMax));

    List<String> legend = new ArrayList<>();
    List<Color> legendColors = new ArrayList<>();
    List<Stroke> legendStrokes = new ArrayList<>();
    int color = 0;
    for (var byRun : series.entrySet()) {
      Color c = COLORS[color++ % COLORS.length];
      for (int q = 0; q < PERCENTILES.length; q++) {
        TreeMap<Double, Double> points = byRun.getValue().get(PERCENTILES[q]);
        if (points == null) {
          continue;
        }
        Stroke stroke =
            q == 0
                ? new BasicStroke(2.5f)
                : new BasicStroke(
                    2f,
                    BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER,
                    10,
                    q == 1 ? new float[] {10, 4} : new float[] {3, 3},
                    0);
        g.setColor(c);
        g.setStroke(stroke);
        int[] last = null;
        for (var point : points.entrySet()) {
          int px = axes.x(point.getKey());
          int py = axes.y(Math.max(yMin, point.getValue()));
          if (last != null) {
            g.drawLine(last[0], last[1], px, py);
          }
          g.fillOval(px - 4, py - 4, 8, 8);
          last = new int[] {px, py};
        }
        legend.add(byRun.getKey() + ", " + PERCENTILES[q]);
        legendColors.add(c);
        legendStrokes.add(stroke);
      }
    }
    legend.add("batch interval");
    legendColors.add(Color.GRAY);
    legendStrokes.add(dashed);

    int ly = TOP + 10;
    for (int i = 0; i < legend.size(); i++) {
      g.setColor(legendColors.get(i));
      g.setStroke(legendStrokes.get(i));
      g.drawLine(WIDTH - RIGHT + 20, ly, WIDTH - RIGHT + 60, ly);
      g.setColor(Color.BLACK);
      g.drawString(legend.get(i), WIDTH - RIGHT + 68, ly + 4);
      ly += 22;
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    g.setColor(Color.DARK_GRAY);
    g.drawString(
        comment.length() > 170 ? comment.substring(0, 170) + "..." : comment, 10, HEIGHT - 10);
    g.dispose();
    return image;
  }

  /** Log-log mapping from data to pixels. */
  private record Axes(double xMin, double xMax, double yMin, double yMax) {
    int x(double value) {
      double f = Math.log(value / xMin) / Math.log(xMax / xMin);
      return LEFT + (int) Math.round(f * (WIDTH - LEFT - RIGHT));
    }

    int y(double value) {
      double f = Math.log(value / yMin) / Math.log(yMax / yMin);
      return HEIGHT - BOTTOM - (int) Math.round(f * (HEIGHT - TOP - BOTTOM));
    }
  }
}
