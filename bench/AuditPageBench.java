import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times pages of {@code GET /api/v1/audit-events} on a gateway whose store holds a large audit trail (bench/audit-page.sh
 * fills it). For each scenario, a query string and the API key that sends it: the first page, repeated; then a walk down
 * the {@code nextPageToken}s in pages of 200 to {@code --depth} events (or the last page); then the page at that depth,
 * repeated. Each time is one request's round trip on a kept-alive connection, from the request leaving to the whole body
 * read. A page that is not 200 stops the run.
 *
 * <pre>
 * java bench/AuditPageBench.java --base http://127.0.0.1:18080 --samples 200 --depth 200000 --out results.json \
 *     'unfiltered|demo-admin-key|' 'one action|demo-admin-key|action=CancelImport' ...
 * </pre>
 */
public class AuditPageBench {

    private static final Pattern NEXT = Pattern.compile("\"nextPageToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ITEM = Pattern.compile("\"upstreamRequestId\"");
    private static final int PAGE = 20;
    private static final int WALK_PAGE = 200;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    AuditPageBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> scenarios = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                scenarios.add(args[i]);
            }
        }
        AuditPageBench bench = new AuditPageBench(options.getOrDefault("base", "http://127.0.0.1:8080"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "50"));
        int depth = Integer.parseInt(options.getOrDefault("depth", "200000"));

        System.out.printf("%-34s %8s %7s %7s %7s %7s %7s %7s %6s %7s %7s%n", "scenario (page of 20)", "depth",
                "1st p50", "1st p95", "1st max", "deep50", "deep95", "deepmax", "walk", "walk50", "walk95");
        StringBuilder json = new StringBuilder("{\"machine\":\"" + options.getOrDefault("machine", "") + "\","
                + "\"samples\":" + samples + ",\"scenarios\":[");
        boolean allMet = true;
        for (String scenario : scenarios) {
            String[] parts = scenario.split("\\|", 3);
            Result result = bench.run(parts[0], parts[1], parts[2], samples, warmup, depth);
            System.out.printf(Locale.ROOT, "%-34s %8d %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %6d %7.2f %7.2f%n",
                    result.name, result.depth, pct(result.first, 50), pct(result.first, 95), pct(result.first, 100),
                    pct(result.deep, 50), pct(result.deep, 95), pct(result.deep, 100), result.walk.length,
                    pct(result.walk, 50), pct(result.walk, 95));
            allMet &= pct(result.first, 95) <= 50 && pct(result.deep, 95) <= 50;
            json.append(result.json()).append(',');
        }
        json.setLength(json.length() - 1);
        json.append("]}\n");
        Files.writeString(Path.of(options.getOrDefault("out", "bench/results/audit-page.json")), json);
        System.out.println(allMet ? "Every first and deep page has p95 <= 50 ms." : "Some page has p95 > 50 ms.");
    }

    private Result run(String name, String key, String query, int samples, int warmup, int depth) throws Exception {
        for (int i = 0; i < warmup; i++) {
            get(key, query, null, PAGE);
        }
        double[] first = new double[samples];
        int firstItems = 0;
        for (int i = 0; i < samples; i++) {
            Page page = get(key, query, null, PAGE);
            first[i] = page.millis;
            firstItems = page.items;
        }
        List<Double> walk = new ArrayList<>();
        String token = null;
        int walked = 0;
        while (walked < depth) {
            Page page = get(key, query, token, WALK_PAGE);
            walk.add(page.millis);
            if (page.next == null) {
                break;
            }
            walked += page.items;
            token = page.next;
        }
        double[] deep = new double[samples];
        for (int i = 0; i < samples; i++) {
            Page page = get(key, query, token, PAGE);
            if (page.items == 0 && firstItems > 0) {
                throw new IllegalStateException(name + ": the deep page is empty");
            }
            deep[i] = page.millis;
        }
        return new Result(name, query, walked, first, deep, walk.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private Page get(String key, String query, String token, int size) throws IOException, InterruptedException {
        StringBuilder url = new StringBuilder(base).append("/api/v1/audit-events?size=").append(size);
        if (!query.isEmpty()) {
            url.append('&').append(query);
        }
        if (token != null) {
            url.append("&pageToken=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString())).header("X-API-Key", key).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher next = NEXT.matcher(response.body());
        return new Page(millis, (int) ITEM.matcher(response.body()).results().count(), next.find() ? next.group(1) : null);
    }

    private static double pct(double[] values, int percentile) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private record Page(double millis, int items, String next) {}

    private record Result(String name, String query, int depth, double[] first, double[] deep, double[] walk) {

        String json() {
            return String.format(Locale.ROOT, "{\"name\":\"%s\",\"query\":\"%s\",\"depth\":%d,"
                            + "\"first\":{\"p50Ms\":%.3f,\"p95Ms\":%.3f,\"maxMs\":%.3f},"
                            + "\"deep\":{\"p50Ms\":%.3f,\"p95Ms\":%.3f,\"maxMs\":%.3f},"
                            + "\"walk\":{\"pages\":%d,\"p50Ms\":%.3f,\"p95Ms\":%.3f,\"maxMs\":%.3f}}",
                    name, query, depth, pct(first, 50), pct(first, 95), pct(first, 100), pct(deep, 50), pct(deep, 95),
                    pct(deep, 100), walk.length, pct(walk, 50), pct(walk, 95), pct(walk, 100));
        }
    }
}
