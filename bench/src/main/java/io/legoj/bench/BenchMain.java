package io.legoj.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code BenchMain <name> [args]}: runs one LegoJ benchmark driver ({@code bin/legoj bench <name>}).
 * Each driver prints its figures and ends with one {@code key=value} summary line.
 */
public final class BenchMain {
    /** A benchmark driver: its one-line summary, its options, and the run. */
    interface Driver {
        String summary();

        /** Option lines for {@code --help}, each {@code --name VALUE  what (default ...)}. */
        List<String> help();

        void run(Args args, PrintStream out, PrintStream err) throws Exception;
    }

    private static final Map<String, Driver> DRIVERS = new LinkedHashMap<>();

    static {
        DRIVERS.put("fault", new FaultBench());
        DRIVERS.put("resident", new ResidentBench());
        DRIVERS.put("pagesize", new PageSizeBench());
        DRIVERS.put("objects", new ObjectsBench());
        DRIVERS.put("arrays", new ArraysBench());
        DRIVERS.put("files", new FilesBench());
        DRIVERS.put("replication", new ReplicationBench());
        DRIVERS.put("report", new ReportBench());
    }

    private BenchMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs {@code args} and returns the exit code: 0 done, 1 failed, 2 bad usage. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            usage(err);
            return 2;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h")) {
            usage(out);
            return 0;
        }
        Driver d = DRIVERS.get(name);
        if (d == null) {
            err.println("legoj bench: unknown benchmark '" + name + "' (benchmarks: " + String.join(", ", DRIVERS.keySet()) + ")");
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            driverHelp(name, d, out);
            return 0;
        }
        try {
            d.run(Args.parse(rest, optionNames(d)), out, err);
            return 0;
        } catch (UsageException e) {
            err.println("legoj bench " + name + ": " + e.getMessage());
            return 2;
        } catch (Exception | Error e) {
            err.println("legoj bench " + name + " failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static List<String> optionNames(Driver d) {
        return d.help().stream().map(line -> line.trim().split("\\s+")[0]).toList();
    }

    private static void usage(PrintStream out) {
        out.println("usage: legoj bench <name> [options]   (legoj bench <name> --help for its options)");
        for (Map.Entry<String, Driver> e : DRIVERS.entrySet()) {
            out.printf("  %-9s %s%n", e.getKey(), e.getValue().summary());
        }
    }

    private static void driverHelp(String name, Driver d, PrintStream out) {
        out.println("usage: legoj bench " + name + " [options]");
        out.println(d.summary());
        for (String line : d.help()) {
            out.println("  " + line);
        }
    }
}
