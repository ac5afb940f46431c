import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of {@code ./tfwh bench api}: a fixed pool of threads (Java 17 has no virtual
 * threads), each holding one keep-alive HTTP/1.1 connection on raw sockets, sending GETs back to
 * back for a duration and recording every latency. Raw sockets rather than java.net.http because
 * the client shares the machine's cores with the server: a selector thread and futures per request
 * would measure the client, not the API.
 *
 * <p>With {@code --check-snapshot} every response is also checked for consistency: its {@code
 * X-Tfwh-Snapshot} header, the snapshot its {@code ETag} names and the {@code snapshot} field of
 * its body must be one and the same id (no response mixes two snapshots), and on each connection
 * the snapshot may only move forward (once a newer snapshot has been served, the older one never
 * is again). A snapshot published during the run shows as a second id in the counts.
 *
 * <p>Run with {@code java bench/api-load/ApiLoad.java --url http://127.0.0.1:8080 --path
 * '/api/v1/league-table?phase=2&period=2016Q1' [--path ...] [--connections 64] [--duration 30]
 * [--warmup 5] [--token T] [--check-snapshot]}. Prints one line of {@code key=value} figures and
 * exits 1 when any request failed or any check did not hold.
 */
public final class ApiLoad {
  private static final Pattern BODY_SNAPSHOT = Pattern.compile("\"snapshot\"\\s*:\\s*\"([^\"]+)\"");

  private record Options(
      URI url,
      List<String> paths,
      int connections,
      double durationSeconds,
      double warmupSeconds,
      String token,
      boolean checkSnapshot,
      String label,
      java.nio.file.Path untilFile,
      double afterFileSeconds) {}

  /** When the workers stop; moved by the main thread (a run may outlast --duration). */
  private static volatile long end = Long.MAX_VALUE;

  /** What one connection saw. */
  private static final class Tally {
    long[] latencies = new long[1 << 16];
    int count;
    long errors;
    long mixed;
    long backwards;
    long reconnects;
    String firstError;
    final Map<String, Long> snapshots = new HashMap<>();
    final List<String> seenOrder = new ArrayList<>();

    void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }

    void error(String what) {
      errors++;
      if (firstError == null) {
        firstError = what;
      }
    }
  }

  private record Response(int status, Map<String, String> headers, byte[] body) {}

  public static void main(String[] args) throws Exception {
    Options options = parse(args);
    ExecutorService pool = Executors.newFixedThreadPool(options.connections());
    long start = System.nanoTime();
    long measureFrom = start + (long) (options.warmupSeconds() * 1e9);
    CountDownLatch ready = new CountDownLatch(options.connections());
    List<Future<Tally>> futures = new ArrayList<>();
    for (int i = 0; i < options.connections(); i++) {
      int offset = i;
      futures.add(pool.submit(() -> run(options, offset, measureFrom, ready)));
    }
    sleepUntil(measureFrom + (long) (options.durationSeconds() * 1e9));
    if (options.untilFile() != null) {
      // Keep going until the file appears (at most twice the duration again), then a little more:
      // the reliability trial runs until the new snapshot has been published and served.
      long limit = System.nanoTime() + (long) (2 * options.durationSeconds() * 1e9);
      while (!java.nio.file.Files.exists(options.untilFile()) && System.nanoTime() < limit) {
        Thread.sleep(500);
      }
      sleepUntil(System.nanoTime() + (long) (options.afterFileSeconds() * 1e9));
    }
    long stoppedAt = System.nanoTime();
    end = stoppedAt;
    List<Tally> tallies = new ArrayList<>();
    for (Future<Tally> future : futures) {
      tallies.add(future.get());
    }
    pool.shutdown();
    report(options, tallies, (stoppedAt - measureFrom) / 1e9);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 1000)));
    }
  }

  private static Tally run(Options options, int offset, long measureFrom, CountDownLatch ready) {
    Tally tally = new Tally();
    ready.countDown();
    Socket socket = null;
    BufferedInputStream in = null;
    OutputStream out = null;
    byte[][] requests = new byte[options.paths().size()][];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = request(options, options.paths().get(i));
    }
    int next = offset % requests.length;
    String lastSnapshot = null;
    while (true) {
      long sent = System.nanoTime();
      if (sent >= end) {
        break;
      }
      boolean measured = sent >= measureFrom;
      try {
        if (socket == null) {
          socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.connect(
              new InetSocketAddress(options.url().getHost(), options.url().getPort()), 5000);
          socket.setSoTimeout(30_000);
          in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
          out = socket.getOutputStream();
        }
        out.write(requests[next]);
        out.flush();
        Response response = read(in);
        long took = System.nanoTime() - sent;
        if ("close".equalsIgnoreCase(response.headers().get("connection"))) {
          socket.close();
          socket = null;
          tally.reconnects++;
        }
        if (!measured) {
          continue;
        }
        tally.record(took);
        if (response.status() != 200) {
          tally.error("HTTP " + response.status() + " for " + options.paths().get(next));
        } else if (options.checkSnapshot()) {
          lastSnapshot = check(response, tally, lastSnapshot);
        }
      } catch (IOException e) {
        if (measured) {
          tally.record(System.nanoTime() - sent);
          tally.error(e.toString());
        }
        closeQuietly(socket);
        socket = null;
      } finally {
        next = (next + 1) % requests.length;
      }
    }
    closeQuietly(socket);
    return tally;
  }

  /** Checks that header, ETag and body name one snapshot, and that it did not move backwards. */
  private static String check(Response response, Tally tally, String lastSnapshot) {
    String header = response.headers().get("x-tfwh-snapshot");
    String etag = response.headers().get("etag");
    Matcher body =
        BODY_SNAPSHOT.matcher(
            new String(
                response.body(), 0, Math.min(response.body().length, 4096), StandardCharsets.UTF_8));
    String inBody = body.find() ? body.group(1) : null;
    if (header == null
        || etag == null
        || !etag.replace("W/", "").startsWith("\"" + header + "-")
        || (inBody != null && !inBody.equals(header))) {
      tally.mixed++;
      tally.error("inconsistent snapshot: header " + header + ", etag " + etag + ", body " + inBody);
      return lastSnapshot;
    }
    tally.snapshots.merge(header, 1L, Long::sum);
    if (!header.equals(lastSnapshot)) {
      if (tally.seenOrder.contains(header)) {
        tally.backwards++;
        tally.error("snapshot went back to " + header + " after " + lastSnapshot);
      } else {
        tally.seenOrder.add(header);
      }
    }
    return header;
  }

  private static byte[] request(Options options, String path) {
    StringBuilder request =
        new StringBuilder()
            .append("GET ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(options.url().getHost())
            .append(':')
            .append(options.url().getPort())
            .append("\r\nAccept: application/json\r\nUser-Agent: tfwh-bench\r\n");
    if (options.token() != null) {
      request.append("Authorization: Bearer ").append(options.token()).append("\r\n");
    }
    return request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("connection closed by the server");
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new HashMap<>();
    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.put(
            header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).trim());
      }
    }
    byte[] body;
    String length = headers.get("content-length");
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream chunks = new ByteArrayOutputStream();
      while (true) {
        String size = line(in);
        if (size == null) {
          throw new IOException("connection closed inside a chunked body");
        }
        int semicolon = size.indexOf(';');
        int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (n == 0) {
          for (String trailer = line(in);
              trailer != null && !trailer.isEmpty();
              trailer = line(in)) {
            // trailers are not used
          }
          break;
        }
        chunks.write(in.readNBytes(n));
        line(in);
      }
      body = chunks.toByteArray();
    } else {
      body = new byte[0];
    }
    return new Response(status, headers, body);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int last = line.length() - 1;
        if (last >= 0 && line.charAt(last) == '\r') {
          line.setLength(last);
        }
        return line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  private static void report(Options options, List<Tally> tallies, double seconds) {
    int total = tallies.stream().mapToInt(t -> t.count).sum();
    long[] all = new long[total];
    int at = 0;
    long errors = 0;
    long mixed = 0;
    long backwards = 0;
    long reconnects = 0;
    String firstError = null;
    Map<String, Long> snapshots = new TreeMap<>();
    for (Tally t : tallies) {
      System.arraycopy(t.latencies, 0, all, at, t.count);
      at += t.count;
      errors += t.errors;
      mixed += t.mixed;
      backwards += t.backwards;
      reconnects += t.reconnects;
      if (firstError == null) {
        firstError = t.firstError;
      }
      t.snapshots.forEach((id, n) -> snapshots.merge(id, n, Long::sum));
    }
    Arrays.sort(all);
    StringBuilder line =
        new StringBuilder()
            .append(options.label().isEmpty() ? "" : "label=" + options.label() + ' ')
            .append("connections=")
            .append(options.connections())
            .append(" seconds=")
            .append(String.format(Locale.ROOT, "%.1f", seconds))
            .append(" requests=")
            .append(total)
            .append(" rps=")
            .append(String.format(Locale.ROOT, "%.0f", total / seconds))
            .append(" p50_ms=")
            .append(ms(percentile(all, 0.50)))
            .append(" p99_ms=")
            .append(ms(percentile(all, 0.99)))
            .append(" max_ms=")
            .append(ms(total == 0 ? 0 : all[total - 1]))
            .append(" errors=")
            .append(errors)
            .append(" reconnects=")
            .append(reconnects);
    if (options.checkSnapshot()) {
      line.append(" mixed=").append(mixed).append(" backwards=").append(backwards);
      line.append(" snapshots=");
      StringBuilder ids = new StringBuilder();
      snapshots.forEach((id, n) -> ids.append(ids.length() == 0 ? "" : ",").append(id + ":" + n));
      line.append(ids.length() == 0 ? "none" : ids);
    }
    System.out.println(line);
    if (firstError != null) {
      System.out.println("first error: " + firstError);
    }
    if (errors > 0 || total == 0) {
      System.exit(1);
    }
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
  }

  private static void closeQuietly(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // already broken
      }
    }
  }

  private static Options parse(String[] args) {
    URI url = URI.create("http://127.0.0.1:8080");
    List<String> paths = new ArrayList<>();
    int connections = 64;
    double duration = 30;
    double warmup = 5;
    String token = null;
    boolean check = false;
    String label = "";
    java.nio.file.Path untilFile = null;
    double afterFile = 0;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--url" -> url = URI.create(args[++i]);
        case "--path" -> paths.add(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--duration" -> duration = Double.parseDouble(args[++i]);
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        case "--token" -> token = args[++i];
        case "--check-snapshot" -> check = true;
        case "--label" -> label = args[++i];
        case "--until-file" -> untilFile = java.nio.file.Path.of(args[++i]);
        case "--after-file" -> afterFile = Double.parseDouble(args[++i]);
        default -> {
          System.err.println("ApiLoad: unknown option " + arg);
          System.exit(2);
        }
      }
    }
    if (paths.isEmpty() || connections < 1 || duration <= 0 || url.getPort() < 0) {
      System.err.println(
          "ApiLoad: need --url http://host:port and at least one --path; positive --connections"
              + " and --duration");
      System.exit(2);
    }
    return new Options(
        url, paths, connections, duration, warmup, token, check, label, untilFile, afterFile);
  }
}
