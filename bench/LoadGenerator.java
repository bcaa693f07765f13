/*
 * The load generator of bench/run.sh (docs/benchmarks.md). Java 17, JDK only; it signs the simulator's calls with the
 * project's RequestSigner, so run it from the repository root with the compiled classes on the class path:
 *   java -cp target/classes bench/LoadGenerator.java --base http://127.0.0.1:8080 [--warmup 10] [--duration 20]
 *       [--rate 200] [--concurrency 16] [--threads 64] [--get-ids 500] [--server-pid PID] [--out results.json]
 *       [--scenarios sim-create-max,gw-create-max,sim-create-rate,gw-create-rate,gw-get-max] [--machine TEXT]
 * "-rate" scenarios are open loop (latency from the intended send time: no coordinated omission), "-max" ones closed
 * loop with --concurrency workers; each warms up (same load, not recorded) first. Workers keep one keep-alive HTTP/1.1
 * connection each on a plain socket: the JDK's HttpClient cost more CPU per request than the simulator it measured.
 * Exit status 1 when a scenario has more than 0.1% failed requests (non-2xx answers or I/O errors).
 */
import com.rdsmigration.gateway.rds.signing.AccessKeyCredentials;
import com.rdsmigration.gateway.rds.signing.PercentEncoding;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.LockSupport;
import java.util.function.*;
import java.util.regex.*;
import java.util.stream.Collectors;

/** The scenarios, and the three kinds of request they send, each on the calling worker's connection. */
public class LoadGenerator {
    static final String ALL = "sim-create-max,gw-create-max,sim-create-rate,gw-create-rate,gw-get-max";
    static final Map<String, String> OPTIONS = new TreeMap<>(Map.of("base", "http://127.0.0.1:8080", "warmup", "10",
            "duration", "20", "rate", "200", "concurrency", "16", "threads", "64", "get-ids", "500", "server-pid", "0",
            "scenarios", ALL, "out", "bench/results/latest.json"));
    static final Map<String, String> TARGETS = new TreeMap<>(Map.of("p50OverheadMs", "<= 1 ms",
            "p99OverheadMs", "<= 5 ms", "saturatedCreateRatio", ">= 0.5", "getPerSecond", ">= 5000 on 2 cores"));
    static final AccessKeyCredentials KEYS = AccessKeyCredentials.of("simulator-ak", "simulator-secret");
    // A nonce only has to be unique; SecureRandom (a lock and a /dev/urandom read each) doubled the signing cost.
    static final RequestSigner SIGNER = new RequestSigner(Clock.systemUTC(), () -> String.format("%016x%016x",
            ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong()));
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final AtomicLong instances = new AtomicLong(), reads = new AtomicLong();
    static final AtomicReference<String> firstError = new AtomicReference<>();
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final List<String> created = Collections.synchronizedList(new ArrayList<>());
    static volatile List<String> ids = List.of();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) OPTIONS.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        int rate = (int) option("rate"), concurrency = (int) option("concurrency"), threads = (int) option("threads");
        Map<String, Result> results = new LinkedHashMap<>();
        System.out.printf("%-16s %-10s %7s %6s %8s %7s %7s %7s %8s %6s %6s%n", "scenario", "load", "count", "errors",
                "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "client", "gatew.");
        List<String> scenarios = List.of(OPTIONS.get("scenarios").split(","));
        if (!List.of(ALL.split(",")).containsAll(scenarios)) {
            throw new IllegalArgumentException("scenarios are among " + ALL);
        }
        for (String name : scenarios) {
            ids = List.copyOf(created);
            if (ids.isEmpty() && name.equals("gw-get-max")) {
                throw new IllegalStateException("gw-get-max reads the imports that gw-create-rate or -max created");
            }
            firstError.set(null);
            Predicate<Http> call = name.startsWith("sim-") ? LoadGenerator::simulatorCreate
                    : name.contains("-get-") ? LoadGenerator::gatewayGet : LoadGenerator::gatewayCreate;
            Result result = new Phase(name).run(call, name.endsWith("-rate") ? rate : 0,
                    name.endsWith("-rate") ? threads : concurrency);
            results.put(name, result);
            System.out.println(result.row());
        }
        System.out.println("(client, gatew.: CPU cores this generator and the gateway used while measuring)\n");
        System.out.println("gateway against the bare simulator (targets are stated, not enforced):");
        Map<String, Double> comparison = Result.comparison(results);
        comparison.forEach((name, value) ->
                System.out.printf(Locale.ROOT, "  %-22s %9.2f   target %s%n", name, value, TARGETS.get(name)));
        Path out = Path.of(OPTIONS.get("out")).toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT, "{\"time\": \"%s\", \"loadAverage\": \"%s\",%n"
                        + "\"options\": {%s},%n\"comparison\": {%s},%n\"targets\": {%s},%n\"scenarios\": [%n  %s%n]}%n",
                Instant.now(), Files.readString(Path.of("/proc/loadavg")).trim(), fields(OPTIONS, Result::quote),
                fields(comparison, v -> String.format(Locale.ROOT, "%.3f", v)), fields(TARGETS, Result::quote),
                results.values().stream().map(Result::json).collect(Collectors.joining(",\n  ")))
                .replace("NaN", "null"));
        results.values().stream().filter(Result::failed).forEach(r -> System.out.printf(
                "FAILED %s: %d of %d requests failed, e.g. %s%n", r.name(), r.errors(), r.requests(), r.firstError()));
        System.exit(results.values().stream().anyMatch(Result::failed) ? 1 : 0);
    }

    static double option(String name) { return Double.parseDouble(OPTIONS.get(name)); }

    static <V> String fields(Map<String, V> map, Function<V, String> value) {
        return map.entrySet().stream().map(e -> Result.quote(e.getKey()) + ": " + value.apply(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** One of team-a's instances (the embedded default's rm-a-* pattern), so every create passes the ownership check. */
    static String newInstance() { return "rm-a-" + RUN + "x" + instances.incrementAndGet(); }

    /** ImportDatabaseBetweenInstances signed with V3 as the gateway sends it: parameters in the query, no body. */
    static boolean simulatorCreate(Http http) {
        Map<String, String> query = new TreeMap<>(Map.of("DBInstanceId", newInstance(), "SourceDBInstanceId",
                newInstance(), "DBInfo", "{\"DBNames\":{\"sales\":\"sales\"}}"));
        Map<String, String> headers = SIGNER.signV3("POST", http.host + ":" + http.port, // the Host header Http sends
                "ImportDatabaseBetweenInstances", "2014-08-15", query, new byte[0], null, KEYS);
        return send(http, "POST", "/?" + query.entrySet().stream()
                .map(e -> PercentEncoding.encode(e.getKey()) + "=" + PercentEncoding.encode(e.getValue()))
                .collect(Collectors.joining("&")), headers, "");
    }

    /** A create through the gateway; the first --get-ids created imports are kept for gw-get-max to read. */
    static boolean gatewayCreate(Http http) {
        boolean ok = send(http, "POST", "/api/v1/imports", Map.of("X-API-Key", "demo-team-a-key",
                "Content-Type", "application/json"), "{\"sourceInstanceId\":\"" + newInstance()
                + "\",\"targetInstanceId\":\"" + newInstance() + "\",\"databases\":[\"sales\"]}");
        Matcher id = ID.matcher(ok && created.size() < option("get-ids") ? http.body : "");
        if (id.find()) created.add(id.group(1));
        return ok;
    }

    static boolean gatewayGet(Http http) {
        String id = ids.get((int) (reads.getAndIncrement() % ids.size())); // ids is not replaced while this runs
        return send(http, "GET", "/api/v1/imports/" + id, Map.of("X-API-Key", "demo-team-a-key"), "");
    }

    /** Sends one request; a failure (non-2xx or I/O error) is remembered if it is the first of the scenario. */
    static boolean send(Http http, String method, String target, Map<String, String> headers, String body) {
        try {
            if (http.exchange(method, target, headers, body)) return true;
            firstError.compareAndSet(null, String.format("%d %.200s", http.status, http.body));
        } catch (IOException | RuntimeException e) {
            firstError.compareAndSet(null, e.toString());
            http.close(); // the next request opens a new connection
        }
        return false;
    }
}

/** One worker's keep-alive HTTP/1.1 connection (Content-Length or chunked answers); reopened once closed. */
final class Http implements AutoCloseable {
    final String host = URI.create(LoadGenerator.OPTIONS.get("base")).getHost();
    final int port = URI.create(LoadGenerator.OPTIONS.get("base")).getPort();
    Socket socket;
    InputStream in;
    int status;
    String body;

    /** Sends one request and reads the answer into {@link #status} and {@link #body}; true on a 2xx. */
    boolean exchange(String method, String target, Map<String, String> headers, String content) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream());
        }
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port);
        headers.forEach((name, value) -> request.append("\r\n").append(name).append(": ").append(value));
        request.append("\r\nContent-Length: ").append(content.getBytes(StandardCharsets.UTF_8).length)
                .append("\r\n\r\n").append(content);
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8)); // one segment
        status = Integer.parseInt(line().substring(9, 12));
        int length = 0;
        boolean chunked = false, closing = false;
        for (String line = line().toLowerCase(Locale.ROOT); !line.isEmpty(); line = line().toLowerCase(Locale.ROOT)) {
            length = line.startsWith("content-length:") ? Integer.parseInt(line.substring(15).trim()) : length;
            chunked |= line.startsWith("transfer-encoding:") && line.contains("chunked");
            closing |= line.startsWith("connection:") && line.contains("close"); // Tomcat: after 100 requests
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (int n = chunked ? chunk() : length; n > 0; n = chunked ? chunk() : 0) received.write(in.readNBytes(n));
        while (chunked && !line().isEmpty()) {} // trailers, up to the blank line
        body = received.toString(StandardCharsets.UTF_8);
        if (closing) close();
        return status / 100 == 2;
    }

    private int chunk() throws IOException {
        String size = line();
        return Integer.parseInt((size.isEmpty() ? line() : size).split(";")[0], 16); // skips the CRLF after a chunk
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new EOFException("connection closed mid-answer");
            line.append((char) c);
        }
        return line.toString().stripTrailing();
    }

    @Override
    public void close() {
        try (Socket closing = socket) { socket = null; } catch (IOException ignored) { /* it is unusable anyway */ }
    }
}

/** One scenario: a warm-up that is not recorded, then the measured window; latencies kept in a growable long[]. */
final class Phase {
    final String name;
    final long warmup = (long) (LoadGenerator.option("warmup") * 1e9);
    final long duration = (long) (LoadGenerator.option("duration") * 1e9);
    final long serverPid = (long) LoadGenerator.option("server-pid");
    long[] latencies = new long[1 << 16];
    int count;
    long errors, lastAnswered;

    Phase(String name) { this.name = name; }

    /**
     * With a rate, open loop: request i is due at start + i / rate, the threads claim requests in order and wait for
     * their time, and a latency runs from that due time. With rate 0, closed loop: each thread sends again as soon as
     * it is answered, and a latency runs from the actual send.
     */
    Result run(Predicate<Http> call, int rate, int threads) throws InterruptedException {
        long start = System.nanoTime() + 20_000_000L, from = start + warmup, end = from + duration;
        AtomicLong next = new AtomicLong();
        LongSupplier nextDue = rate > 0 ? () -> start + next.getAndIncrement() * 1_000_000_000L / rate
                : System::nanoTime;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(new Thread(() -> {
                try (Http http = new Http()) {
                    for (long due = nextDue.getAsLong(); due < end; due = nextDue.getAsLong()) {
                        sleepUntil(due);
                        boolean ok = call.test(http);
                        long answered = System.nanoTime();
                        if (due >= from && (rate > 0 || answered < end)) record(due, answered, ok);
                    }
                }
            }, name + "-" + i));
        }
        workers.forEach(Thread::start);
        sleepUntil(from);
        double client0 = cpuSeconds(ProcessHandle.current().pid()), server0 = cpuSeconds(serverPid);
        sleepUntil(end);
        double client1 = cpuSeconds(ProcessHandle.current().pid()), server1 = cpuSeconds(serverPid);
        for (Thread worker : workers) worker.join();
        long[] sorted = Arrays.stream(latencies, 0, count).sorted().toArray();
        double seconds = duration / 1e9, served = (Math.max(end, lastAnswered) - from) / 1e9; // late open-loop answers
        return new Result(name, rate > 0 ? rate + "/s open" : threads + " conc.", count, errors, count / served,
                ms(sorted, 0.5), ms(sorted, 0.9), ms(sorted, 0.99), ms(sorted, 0.999), ms(sorted, 1.0),
                (client1 - client0) / seconds, (server1 - server0) / seconds, LoadGenerator.firstError.get());
    }

    synchronized void record(long since, long answered, boolean ok) {
        latencies = count < latencies.length ? latencies : Arrays.copyOf(latencies, count * 2);
        latencies[count++] = answered - since;
        errors += ok ? 0 : 1;
        lastAnswered = Math.max(lastAnswered, answered);
    }

    /** The latency in milliseconds that a fraction {@code q} of the requests did not exceed. */
    static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static void sleepUntil(long nanoTime) {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
    }

    /** The CPU time a process has used: utime + stime of /proc/PID/stat, in ticks of 1/100 s (Linux's USER_HZ). */
    static double cpuSeconds(long pid) {
        try {
            String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceFirst(".*\\) ", "").split(" ");
            return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}

/** What one scenario measured, as a table row and as JSON. */
record Result(String name, String load, int requests, long errors, double perSecond, double p50Ms, double p90Ms,
        double p99Ms, double p999Ms, double maxMs, double clientCores, double gatewayCores, String firstError) {
    boolean failed() { return requests == 0 || errors > 0.001 * requests; }

    String row() {
        return String.format(Locale.ROOT, "%-16s %-10s %7d %6d %8.1f %7.2f %7.2f %7.2f %8.2f %6.2f %6.2f", name,
                load, requests, errors, perSecond, p50Ms, p90Ms, p99Ms, maxMs, clientCores, gatewayCores);
    }

    String json() {
        return String.format(Locale.ROOT, "{\"name\": \"%s\", \"load\": \"%s\", \"requests\": %d, \"errors\": %d,"
                        + " \"perSecond\": %.1f, \"p50Ms\": %.3f, \"p90Ms\": %.3f, \"p99Ms\": %.3f, \"p999Ms\": %.3f,"
                        + " \"maxMs\": %.3f, \"clientCores\": %.2f, \"gatewayCores\": %.2f, \"firstError\": %s}",
                name, load, requests, errors, perSecond, p50Ms, p90Ms, p99Ms, p999Ms, maxMs, clientCores, gatewayCores,
                firstError == null ? "null" : quote(firstError));
    }

    static String quote(String text) { return "\"" + text.replaceAll("[\\\\\"\\s]+", " ").trim() + "\""; }

    /** The figures the targets are stated in; NaN where a scenario they need did not run. */
    static Map<String, Double> comparison(Map<String, Result> by) {
        Result none = new Result("", "", 0, 0, Double.NaN, Double.NaN, 0, Double.NaN, 0, 0, 0, 0, null);
        Result simRate = by.getOrDefault("sim-create-rate", none), gwRate = by.getOrDefault("gw-create-rate", none);
        Result simMax = by.getOrDefault("sim-create-max", none), gwMax = by.getOrDefault("gw-create-max", none);
        return new TreeMap<>(Map.of("p50OverheadMs", gwRate.p50Ms - simRate.p50Ms, "p99OverheadMs",
                gwRate.p99Ms - simRate.p99Ms, "saturatedCreateRatio", gwMax.perSecond / simMax.perSecond,
                "getPerSecond", by.getOrDefault("gw-get-max", none).perSecond));
    }
}
