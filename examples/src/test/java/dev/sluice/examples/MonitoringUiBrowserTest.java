package dev.sluice.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.engine.RunningCountBuilder;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.SocketOptions;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.ui.HistoryServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The monitoring page in a real browser: Debian's headless Chromium, driven through its own
 * chromedriver (never a downloaded one), loads the UI of the generated WordCount after 30 batches
 * of a manual clock, then the history server's page of the same run; and the checkpoints and state
 * of a running count with a checkpoint directory, live and in the history; and the errors a socket
 * receiver reports. Skipped where Chromium is not installed; {@code .ci/run} installs it.
 * Screenshots go to {@code target/ui-screenshots/}; docs/monitoring-*.png are copies.
 */
@Timeout(120)
class MonitoringUiBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long START = 1_764_032_398_000L;
  private static final long FIRST = 1_764_032_400_000L;
  private static final int BATCHES = 30;

  private StreamingPipeline pipeline;
  private ChromeDriver browser;

  @BeforeEach
  void startBrowser() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,2700",
        "--force-device-scale-factor=1");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @TempDir Path logs;

  @Test
  void showsTheBatchesChartsGraphAndABatchPageLiveThenInTheHistory() throws Exception {
    ManualClock clock = BatchClock.manual(START);
    pipeline =
        WordCountPipeline.builder()
            .lines(Sources.batches(lines()))
            .print(Sinks.print(10, new PrintStream(new ByteArrayOutputStream(), true, UTF_8)))
            .clock(clock)
            .parallelism(2)
            .uiPort(0)
            .eventLog(logs)
            .build();
    pipeline.start();
    for (int i = 0; i < BATCHES; i++) {
      long time = FIRST + 2000L * i;
      clock.setMillis(time + (i * 37L) % 60); // scheduling delays of 0-59 ms
      assertTrue(pipeline.awaitBatch(time, WAIT), "batch " + i);
    }
    String ui = pipeline.uiAddress().orElseThrow().toString();

    browser.get(ui);
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.ignoring(StaleElementReferenceException.class); // the page redraws as data comes
    wait.until(b -> b.findElements(By.cssSelector("#completed tbody tr")).size() == BATCHES);
    wait.until(b -> b.findElement(By.id("summary")).getText().contains(BATCHES + " completed"));

    List<WebElement> rows = browser.findElements(By.cssSelector("#completed tbody tr"));
    assertTrue(
        rows.get(0).getText().contains(String.valueOf(FIRST + 2000L * (BATCHES - 1))),
        rows.get(0).getText());
    assertTrue(rows.get(BATCHES - 1).getText().contains(String.valueOf(FIRST)));
    for (String canvas : List.of("rate", "scheduling", "processing", "total")) {
      assertTrue(paintedPixels(canvas + "-timeline") > 500, canvas + " timeline drew nothing");
      assertTrue(paintedPixels(canvas + "-histogram") > 500, canvas + " histogram drew nothing");
    }
    assertEquals(List.of("lines", "words", "pairs", "counts", "print"), stageNames("graph-small"));
    assertEquals(1, browser.findElements(By.cssSelector("#graph-small path.edge.shuffle")).size());
    assertEquals("lines", browser.findElement(By.cssSelector("#inputs tbody td")).getText());
    screenshot("streaming.png");

    browser.manage().window().setSize(new Dimension(1400, 900));
    long clicked = FIRST + 2000L * (BATCHES - 1);
    wait.until(
        b -> {
          b.findElement(By.cssSelector("#completed tbody tr a")).click();
          return true;
        });
    wait.until(
        b -> b.findElement(By.id("batch-title")).getText().contains(String.valueOf(clicked)));
    wait.until(b -> b.findElements(By.cssSelector("#batch-segments tbody tr")).size() == 3);
    String segments = browser.findElement(By.id("batch-segments")).getText();
    assertTrue(segments.contains("lines -> words -> pairs"), segments);
    assertTrue(segments.contains("counts -> print"), segments);
    assertTrue(segments.contains("shuffle"), segments);
    String outputs = browser.findElement(By.id("batch-outputs")).getText();
    assertTrue(outputs.contains("print") && outputs.contains("succeeded"), outputs);
    screenshot("batch.png");

    browser.manage().window().setSize(new Dimension(1400, 1900));
    browser.get(ui + "#/graph");
    wait.until(b -> b.findElements(By.cssSelector("#segments tbody tr")).size() == 2);
    assertEquals(List.of("lines", "words", "pairs", "counts", "print"), stageNames("graph-large"));
    List<WebElement> code = browser.findElements(By.cssSelector("#code details pre"));
    assertEquals(2, code.size());
    assertTrue(code.get(0).getText().contains("WordCount.pairs(word)"), code.get(0).getText());
    assertTrue(code.get(1).getText().contains("private void counts_print("), code.get(1).getText());
    screenshot("graph.png");

    assertEquals(List.of(), consoleProblems(), "console errors and warnings, live");

    // leave the live page before its server stops, so that none of its polls is refused
    browser.get("about:blank");
    assertEquals(List.of(), consoleProblems(), "console errors and warnings, leaving");
    pipeline.stop(true);
    HistoryServer history = HistoryServer.start(logs, "127.0.0.1", 0);
    try {
      openTheOnlyRun(history, wait);
      wait.until(b -> b.findElements(By.cssSelector("#completed tbody tr")).size() == BATCHES);
      assertEquals("stopped", browser.findElement(By.id("status")).getText().toLowerCase());
      assertTrue(paintedPixels("processing-timeline") > 500);
      assertEquals("All runs", browser.findElement(By.cssSelector(".bar nav a")).getText());
      assertEquals(List.of(), consoleProblems(), "console errors and warnings, history");
    } finally {
      history.stop();
    }
  }

  @Test
  void showsTheCheckpointsAndStateOfAPipelineWithACheckpointDirectoryLiveThenInTheHistory(
      @TempDir Path checkpoint) throws Exception {
    int batches = 12; // a snapshot every 2 batches: 6
    List<List<String>> lines = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      lines.add(List.of("word" + i + " word" + (i + 1) + " word" + i % 3));
    }
    ManualClock clock = BatchClock.manual(FIRST - 500); // 1 s batches from FIRST on
    pipeline = RunningCountBuilder.checkpointed(lines, clock, checkpoint).uiPort(0).build();
    pipeline.start();
    long last = FIRST + 1000L * (batches - 1);
    for (long time = FIRST; time <= last; time += 1000) {
      clock.setMillis(time);
      assertTrue(pipeline.awaitBatch(time, WAIT), "batch " + time);
    }
    String ui = pipeline.uiAddress().orElseThrow().toString();

    browser.manage().window().setSize(new Dimension(1400, 2700));
    browser.get(ui);
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.ignoring(StaleElementReferenceException.class); // the page redraws as data comes
    // the last snapshot is reported once the log's writer wrote it, after its batch completed
    wait.until(b -> b.findElements(By.cssSelector("#checkpoints tbody tr")).size() == batches / 2);
    assertEquals("(6 written)", browser.findElement(By.id("checkpoints-count")).getText());
    List<WebElement> rows = browser.findElements(By.cssSelector("#checkpoints tbody tr"));
    assertTrue(rows.get(0).getText().startsWith(batchLabel(last) + " 11 "), rows.get(0).getText());
    assertTrue(
        rows.get(5).getText().startsWith(batchLabel(FIRST + 1000) + " 1 "), rows.get(5).getText());
    assertTrue(rows.get(0).getText().endsWith("running: 13 entries, 308 B"), rows.get(0).getText());
    assertTrue(paintedPixels("checkpoint-timeline") > 500, "the checkpoint timeline drew nothing");
    assertTrue(paintedPixels("checkpoint-size-timeline") > 500, "the size timeline drew nothing");
    WebElement running =
        browser.findElement(By.cssSelector("#graph-small g.node.stateful[data-stage=running]"));
    assertEquals("running\nstate · 13 entries · 308 B", running.getText());
    String table = browser.findElement(By.id("checkpoints")).getText();
    screenshot("checkpoints.png", browser.findElement(By.id("checkpoints-panel")));

    browser.get(ui + "#/graph");
    wait.until(b -> b.findElements(By.cssSelector("#state tbody tr")).size() == 1);
    assertEquals(
        "running 13 308 B", browser.findElement(By.cssSelector("#state tbody tr")).getText());
    assertEquals(
        "as of the last checkpoint, batch " + batchLabel(last),
        browser.findElement(By.id("state-as-of")).getText());
    assertEquals(List.of(), consoleProblems(), "console errors and warnings, live");

    browser.get("about:blank");
    pipeline.stop(true);
    HistoryServer history = HistoryServer.start(checkpoint, "127.0.0.1", 0);
    try {
      openTheOnlyRun(history, wait);
      wait.until(
          b -> b.findElements(By.cssSelector("#checkpoints tbody tr")).size() == batches / 2);
      assertEquals(table, browser.findElement(By.id("checkpoints")).getText(), "as live");
      assertTrue(paintedPixels("checkpoint-timeline") > 500);
      assertEquals(List.of(), consoleProblems(), "console errors and warnings, history");
    } finally {
      history.stop();
    }
  }

  @Test
  void showsTheErrorsAReceiverReportsInTheInputsTable() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0)) {
      port = closed.getLocalPort(); // nobody listens there once it is closed: refused
    }
    ManualClock clock = BatchClock.manual(START);
    pipeline =
        WordCountPipeline.builder()
            .lines(
                Sources.socketText(
                    "127.0.0.1",
                    port,
                    SocketOptions.DEFAULTS.withBackoff(
                        Duration.ofMillis(50), Duration.ofMillis(50))))
            .print(Sinks.print(10, new PrintStream(new ByteArrayOutputStream(), true, UTF_8)))
            .clock(clock)
            .uiPort(0)
            .build();
    pipeline.start();
    browser.get(pipeline.uiAddress().orElseThrow().toString());
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.ignoring(StaleElementReferenceException.class); // the page redraws as errors come
    wait.until(b -> !b.findElements(By.cssSelector("#inputs .error-time")).isEmpty());
    WebElement row = browser.findElement(By.cssSelector("#inputs tbody tr"));
    String text = row.getText();
    assertTrue(text.contains("connection refused; retrying in 50 ms"), text);
    // reported while the manual clock stands at START, so stamped with it
    assertTrue(
        text.matches("(?s).*\\nat [0-9:]+ \\(" + START + "\\), [0-9]+ errors? reported.*"), text);
    assertTrue(text.contains("receiving"), "the receiver goes on: " + text);
    assertEquals(List.of(), consoleProblems(), "console errors and warnings");
    browser.get("about:blank");
  }

  /** Opens the history's list of runs and clicks the first, its only one. */
  private void openTheOnlyRun(HistoryServer history, WebDriverWait wait) {
    browser.get(history.address().toString());
    wait.until(
        b -> {
          b.findElement(By.cssSelector("#runs tbody a")).click();
          return true;
        });
  }

  /** A batch time as the page labels it: the browser's local time of day, then the epoch ms. */
  private String batchLabel(long time) {
    return (String)
        ((JavascriptExecutor) browser).executeScript("return batchLabel(arguments[0]);", time);
  }

  private List<String> consoleProblems() {
    List<String> problems = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
        problems.add(entry.getMessage());
      }
    }
    return problems;
  }

  /** How many pixels of canvas {@code id} are not transparent. */
  private long paintedPixels(String id) {
    Object count =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const c = document.getElementById(arguments[0]);"
                    + "const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let n = 0; for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;"
                    + "return n;",
                id);
    return ((Number) count).longValue();
  }

  private List<String> stageNames(String svg) {
    List<String> names = new ArrayList<>();
    for (WebElement node : browser.findElements(By.cssSelector("#" + svg + " g.node"))) {
      names.add(node.getAttribute("data-stage"));
    }
    return names;
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }

  private void screenshot(String name, WebElement element) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), element.getScreenshotAs(OutputType.BYTES));
  }

  /** 30 batches of 40-160 lines of words drawn with a skew, from a fixed seed. */
  private static List<List<String>> lines() {
    Random random = new Random(42);
    String[] words =
        ("the stream flows through the sluice gate and every batch of words "
                + "counts once per interval while the driver seals the next batch")
            .split(" ");
    List<List<String>> batches = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      int count = 100 + (int) (60 * Math.sin(b / 3.0)) + random.nextInt(20);
      List<String> batch = new ArrayList<>();
      for (int l = 0; l < count; l++) {
        StringBuilder line = new StringBuilder();
        for (int w = 0; w < 8; w++) {
          int index = (int) Math.min(words.length - 1, Math.abs(random.nextGaussian()) * 6);
          line.append(w == 0 ? "" : " ").append(words[index]);
        }
        batch.add(line.toString());
      }
      batches.add(batch);
    }
    return batches;
  }
}
