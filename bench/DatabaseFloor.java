/*
 * The database floor of a create (docs/benchmarks.md, "The floor"): the two transactions that one
 * POST /api/v1/imports commits, with the very statements the gateway sends (as pg_stat_statements records them), each
 * transaction one round trip that ends with its commit, as the gateway's StatementPipeline sends them, but from a bare
 * JDBC loop: no HTTP, no Spring, no connection pool beyond a queue, no upstream call. It measures what no gateway code
 * can go below on this machine. Scenarios, each warmed up first:
 *   bare-rate     two trips of one row into a table without an index, then the commit: what a committed round trip
 *                 costs here, at --rate creates a second (open loop)
 *   floor-rate    a create's two transactions at --rate creates a second (open loop): its latency is the least the
 *                 gateway can add to an upstream call at that rate
 *   floor-max     the same with --concurrency workers sharing --connections connections (closed loop): creates a
 *                 second and the CPU each costs this loop and PostgreSQL
 *   floor-batchN  what if N creates shared their two transactions (each create's own rows, the shared counts raised
 *                 once by N, one rate slot): an upper bound for group commit, not what the gateway does
 *
 * Run from the repository root, with the PostgreSQL driver on the class path, against an empty database that it
 * migrates with the gateway's own Flyway scripts (bench/floor.sh does all of this):
 *   java -cp postgresql.jar bench/DatabaseFloor.java --jdbc jdbc:postgresql://127.0.0.1:5499/floor?user=postgres
 *       [--warmup 30] [--duration 20] [--rate 200] [--concurrency 16] [--connections 10] [--batch 8]
 *       [--postmaster PID]   (the cluster's postmaster, for the pg ms/cr column; without it the column is 0)
 */
import java.nio.file.*;
import java.sql.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.*;

public class DatabaseFloor {
    static final Map<String, String> OPTIONS = new TreeMap<>(Map.of("jdbc", "jdbc:postgresql://127.0.0.1:5499/floor?user=postgres",
            "warmup", "30", "duration", "20", "rate", "200", "concurrency", "16", "connections", "10", "batch", "8", "postmaster", "0"));

    /** Before the call: the intent, the attempt's audit event, the team's and the account's daily count, the slot. */
    static final String BEFORE = String.join(";\n",
            "insert into import_task (id, team, source_instance_id, target_instance_id, databases, import_id, request_id,"
                    + " status, created_at, updated_at, version) values (?, ?, ?, ?, ?, null, null, ?, ?, ?, 0)",
            "insert into audit_event (id, occurred_at, team, principal, action, attempt, outcome, import_id, task_id,"
                    + " task_name, correlation_id, parameters) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "insert into team_daily_task_quota as q (account, team, quota_day, admitted, task_limit) values (?, ?, ?, 1, ?)"
                    + " on conflict (account, team, quota_day) do update set admitted = q.admitted + 1, task_limit = ?",
            "insert into daily_task_quota as q (account, quota_day, admitted, task_limit) values (?, ?, 1, ?)"
                    + " on conflict (account, quota_day) do update set admitted = q.admitted + 1, task_limit = ?",
            "with now as (select (extract(epoch from clock_timestamp()) * 1000000)::bigint as micros)"
                    + " insert into upstream_rate_slot as s (bucket, next_slot, last_slot)"
                    + " select ?, now.micros + ?, now.micros + ? + ? from now on conflict (bucket) do update"
                    + " set last_slot = excluded.last_slot, next_slot = greatest(s.next_slot, excluded.next_slot - ?) + ?"
                    + " returning next_slot - last_slot + ?",
            "commit");

    /** After the answer: the outcome, the audit event's completion, the usage count. */
    static final String AFTER = String.join(";\n",
            "update import_task set import_id = ?, request_id = ?, status = ?, updated_at = ?, version = version + 1"
                    + " where id = ?",
            "update audit_event set outcome = ?, http_status = ?, upstream_code = ?, upstream_request_id = ?,"
                    + " import_id = coalesce(?, import_id), task_id = coalesce(?, task_id), duration_ms = ? where id = ?",
            "insert into upstream_usage as u (account, usage_day, team, action, requests, calls) values (?, ?, ?, ?, 1, ?)"
                    + " on conflict (account, usage_day, team, action) do update set requests = u.requests + 1,"
                    + " calls = u.calls + ?",
            "commit");

    /** The values bench/run.sh gives the gateway: the daily limit raised, writes at 1,000,000 a second (a 1 µs slot). */
    static final int LIMIT = 1_000_000_000;
    static final String SLOT_BUCKET = "rds:writes:1000ns";
    static final long SLOT_SPACING = 1, SLOT_MAX_WAIT = 5_000_000;

    static final AtomicLong sequence = new AtomicLong();
    /** The time the two trips took, from the first's send to the second's answer (no scheduling delay): measured runs. */
    static List<Long> services;
    /** Last in, first out, as Hikari hands a thread the connection it used last. */
    static BlockingDeque<Connection> pool;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) OPTIONS.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        migrate();
        int connections = (int) option("connections");
        pool = new LinkedBlockingDeque<>(connections);
        for (int i = 0; i < connections; i++) {
            Connection connection = DriverManager.getConnection(OPTIONS.get("jdbc"));
            connection.setAutoCommit(false);
            pool.add(connection);
        }
        System.out.printf("%-12s %-10s %7s %8s %7s %7s %7s %9s %9s %12s %12s%n", "scenario", "load", "count",
                "creates/s", "p50 ms", "p90 ms", "p99 ms", "trips p50", "trips p99", "client ms/cr", "pg ms/cr");
        bare = true;
        System.out.println(run("bare-rate", (int) option("rate"), 64));
        bare = false;
        System.out.println(run("floor-rate", (int) option("rate"), 64));
        System.out.println(run("floor-max", 0, (int) option("concurrency")));
        batch = (int) option("batch");
        System.out.println(run("floor-batch" + batch, 0, (int) option("concurrency")));
    }

    /** Each trip one row into a table without an index, then its commit: what a committed round trip costs here. */
    static boolean bare;

    /** Creates per pair of trips: 1, or in the what-if scenario, that many creates' statements in each transaction. */
    static int batch = 1;

    static double option(String name) { return Double.parseDouble(OPTIONS.get(name)); }

    /** The gateway's migrations, in version order, as Flyway would run them on an empty database. */
    static void migrate() throws Exception {
        try (Connection connection = DriverManager.getConnection(OPTIONS.get("jdbc"));
             Statement statement = connection.createStatement();
             Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            List<Path> scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
            for (Path script : scripts) statement.execute(Files.readString(script));
            statement.execute("create table floor_bare (n bigint)");
        }
    }

    /** One create's two round trips, each on a connection taken from the pool and given back at once. */
    static void create() throws Exception {
        if (batch > 1) {
            batched();
            return;
        }
        if (bare) {
            trip("insert into floor_bare values (?);\ncommit", sequence.incrementAndGet());
            trip("insert into floor_bare values (?);\ncommit", sequence.incrementAndGet());
            return;
        }
        long n = sequence.incrementAndGet();
        UUID task = UUID.randomUUID(), event = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate day = now.toLocalDate();
        trip(BEFORE, task, "team-a", "rm-a-floor-s" + n, "rm-a-floor-t" + n, "[\"sales\"]", "PENDING", now, now,
                event, now, "team-a", "demo-team-a-key", "ImportDatabaseBetweenInstances", 1, "UNKNOWN", null, null,
                null, "floor-" + n, "{\"DBInstanceId\":\"rm-a-floor-t" + n + "\"}",
                "default", "team-a", day, LIMIT, LIMIT,
                "default", day, LIMIT, LIMIT,
                SLOT_BUCKET, SLOT_SPACING, SLOT_MAX_WAIT, SLOT_SPACING, SLOT_SPACING, SLOT_SPACING, SLOT_MAX_WAIT);
        trip(AFTER, "imp" + n, "req-" + n, "RUNNING", now, task,
                "SUCCEEDED", 200, null, "req-" + n, "imp" + n, null, 3L, event,
                "default", day, "team-a", "ImportDatabaseBetweenInstances", 1, 1);
    }

    /**
     * What if {@code batch} concurrent creates shared their two transactions: each create's own rows, then each shared
     * row raised once by the batch's count and one slot for the batch (not what the gateway does; an upper bound).
     */
    static void batched() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate day = now.toLocalDate();
        String[] before = BEFORE.split(";\n"), after = AFTER.split(";\n");
        List<String> first = new ArrayList<>(), second = new ArrayList<>();
        List<Object> firstParameters = new ArrayList<>(), secondParameters = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            long n = sequence.incrementAndGet();
            UUID task = UUID.randomUUID(), event = UUID.randomUUID();
            first.add(before[0]);
            first.add(before[1]);
            firstParameters.addAll(Arrays.asList(task, "team-a", "rm-a-floor-s" + n, "rm-a-floor-t" + n, "[\"sales\"]",
                    "PENDING", now, now, event, now, "team-a", "demo-team-a-key", "ImportDatabaseBetweenInstances", 1,
                    "UNKNOWN", null, null, null, "floor-" + n, "{\"DBInstanceId\":\"rm-a-floor-t" + n + "\"}"));
            second.add(after[0]);
            second.add(after[1]);
            secondParameters.addAll(Arrays.asList("imp" + n, "req-" + n, "RUNNING", now, task,
                    "SUCCEEDED", 200, null, "req-" + n, "imp" + n, null, 3L, event));
        }
        first.add(before[2].replace("admitted + 1", "admitted + " + batch));
        first.add(before[3].replace("admitted + 1", "admitted + " + batch));
        first.add(before[4]);
        first.add("commit");
        firstParameters.addAll(Arrays.asList("default", "team-a", day, LIMIT, LIMIT, "default", day, LIMIT, LIMIT,
                SLOT_BUCKET, SLOT_SPACING, SLOT_MAX_WAIT, SLOT_SPACING, SLOT_SPACING, SLOT_SPACING, SLOT_MAX_WAIT));
        second.add(after[2].replace("requests + 1", "requests + " + batch));
        second.add("commit");
        secondParameters.addAll(Arrays.asList("default", day, "team-a", "ImportDatabaseBetweenInstances", 1, batch));
        trip(String.join(";\n", first), firstParameters.toArray());
        trip(String.join(";\n", second), secondParameters.toArray());
    }

    static void trip(String sql, Object... parameters) throws Exception {
        Connection connection = pool.takeFirst();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            statement.execute();
            connection.commit(); // nothing to send: the trip's own commit ended the transaction
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            pool.addFirst(connection);
        }
    }

    /** Warm-up then measurement; {@code rate} 0 is closed loop with {@code workers}, else open loop at that rate. */
    static String run(String name, int rate, int workers) throws Exception {
        run(rate, workers, Duration.ofSeconds((long) option("warmup")), null);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        services = Collections.synchronizedList(new ArrayList<>());
        double client0 = ownCpu();
        Map<Long, Double> pg0 = postgresCpu();
        long started = System.nanoTime();
        run(rate, workers, Duration.ofSeconds((long) option("duration")), latencies);
        double seconds = (System.nanoTime() - started) / 1e9;
        double client = ownCpu() - client0, pg = used(pg0, postgresCpu());
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] service = services.stream().mapToLong(Long::longValue).sorted().toArray();
        int count = sorted.length;
        return String.format(Locale.ROOT, "%-12s %-10s %7d %8.1f %7.2f %7.2f %7.2f %9.2f %9.2f %12.3f %12.3f", name,
                rate > 0 ? rate + "/s open" : workers + " conc.", count, count / seconds, percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), percentile(service, 50), percentile(service, 99),
                client * 1000 / count, pg * 1000 / count);
    }

    static void run(int rate, int workers, Duration length, List<Long> latencies) throws Exception {
        ThreadPoolExecutor executor = (ThreadPoolExecutor) Executors.newFixedThreadPool(workers);
        executor.prestartAllCoreThreads(); // no thread start inside the measured window
        long start = System.nanoTime(), end = start + length.toNanos();
        AtomicReference<Exception> failure = new AtomicReference<>();
        if (rate > 0) {
            long interval = 1_000_000_000L / rate;
            for (long due = start; due < end; due += interval) {
                long intended = due;
                for (long wait; (wait = intended - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
                executor.execute(() -> timed(intended, latencies, failure));
            }
        } else {
            for (int i = 0; i < workers; i++) {
                executor.execute(() -> {
                    while (System.nanoTime() < end) timed(System.nanoTime(), latencies, failure);
                });
            }
        }
        executor.shutdown();
        executor.awaitTermination(1, TimeUnit.MINUTES);
        if (failure.get() != null) throw failure.get();
    }

    static void timed(long intended, List<Long> latencies, AtomicReference<Exception> failure) {
        try {
            long started = System.nanoTime();
            create();
            long ended = System.nanoTime();
            if (latencies != null) {
                for (int i = 0; i < batch; i++) latencies.add(ended - intended);
                services.add(ended - started);
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    static double percentile(long[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    /**
     * CPU seconds (user + system) of the benchmark cluster: the postmaster (the --postmaster pid), each child alive now,
     * and, through the postmaster's cutime and cstime, the children that have ended. Snapshots are subtracted per pid.
     */
    static Map<Long, Double> postgresCpu() throws Exception {
        long postmaster = (long) option("postmaster");
        Map<Long, Double> seconds = new HashMap<>();
        if (postmaster <= 0) return seconds;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(process.getFileName().toString());
                String[] fields = stat(pid);
                if (fields.length > 14 && (pid == postmaster || Long.parseLong(fields[1]) == postmaster)) {
                    double own = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    double ended = pid == postmaster ? (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0 : 0;
                    seconds.put(pid, own + ended);
                }
            }
        }
        return seconds;
    }

    static double used(Map<Long, Double> before, Map<Long, Double> after) {
        return after.entrySet().stream().mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
    }

    /** The fields of /proc/PID/stat after the command name: state is [0], ppid [1], utime [11], stime [12]. */
    static String[] stat(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll("^.*\\) ", "").split(" ");
        } catch (Exception gone) {
            return new String[0]; // a process that ended between the listing and the read
        }
    }

    static double ownCpu() {
        String[] fields = stat(ProcessHandle.current().pid());
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }
}
