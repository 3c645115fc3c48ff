package dev.jwtee.examples.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jose4j.json.internal.json_simple.JSONArray;
import org.jose4j.json.internal.json_simple.parser.JSONParser;
import org.jose4j.json.internal.json_simple.parser.ParseException;

/**
 * Turns a JMH result file ({@code -rf json}) into the Markdown tables of
 * {@code docs/benchmarks.md}: verification per algorithm with the ratios to the JDK floor and
 * to the fastest peer, the targets with their measured ratios, and every other benchmark with
 * its parameters. Usage: {@code ResultTable RESULTS.json}; the tables go to standard output.
 */
public final class ResultTable {

    private static final Set<String> PEERS = Set.of("jose4j", "nimbus", "jjwt", "javaJwt");
    private static final List<String> ALGORITHMS =
            List.of("HS256", "RS256", "PS256", "ES256", "EdDSA");
    private static final List<String> CONTENDERS = List.of("jdkFloor", "jwteeCold",
            "jwteeCached", "jose4j", "nimbus", "jjwt", "javaJwt");

    /** One benchmark result: name, parameters, score, error and allocation per operation. */
    private record Row(String benchmark, Map<String, String> params, double score, double error,
            String unit, Double bytesPerOp) {
    }

    private ResultTable() {
    }

    /**
     * Prints the tables for one JMH result file.
     *
     * @param args the path of the JSON result file
     */
    public static void main(String[] args) throws IOException, ParseException {
        if (args.length != 1) {
            System.err.println("usage: ResultTable JMH-RESULTS.json");
            System.exit(2);
        }
        List<Row> rows = read(Path.of(args[0]));
        StringBuilder out = new StringBuilder();
        verification(rows, out);
        targets(rows, out);
        others(rows, out);
        System.out.print(out);
    }

    private static List<Row> read(Path file) throws IOException, ParseException {
        JSONArray results = (JSONArray) new JSONParser().parse(Files.readString(file));
        List<Row> rows = new ArrayList<>();
        for (Object entry : results) {
            Map<?, ?> result = (Map<?, ?>) entry;
            Map<String, String> params = new TreeMap<>();
            if (result.get("params") instanceof Map<?, ?> given) {
                given.forEach((name, value) -> params.put((String) name, (String) value));
            }
            Map<?, ?> primary = (Map<?, ?>) result.get("primaryMetric");
            Double bytes = null;
            if (result.get("secondaryMetrics") instanceof Map<?, ?> secondary
                    && secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> alloc) {
                bytes = number(alloc.get("score"));
            }
            String name = (String) result.get("benchmark");
            rows.add(new Row(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                    params, number(primary.get("score")), number(primary.get("scoreError")),
                    (String) primary.get("scoreUnit"), bytes));
        }
        return rows;
    }

    private static void verification(List<Row> rows, StringBuilder out) {
        out.append("| algorithm | contender | ops/s | ± | B/op | / floor | / peer |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (String algorithm : ALGORITHMS) {
            Map<String, Row> byContender = verifyRows(rows, algorithm);
            if (byContender.isEmpty()) {
                continue;
            }
            Row floor = byContender.get("jdkFloor");
            double peer = bestPeer(byContender);
            for (String contender : CONTENDERS) {
                Row row = byContender.get(contender);
                if (row == null) {
                    out.append("| ").append(algorithm).append(" | ").append(contender)
                            .append(" | n/a | | | | |\n");
                    continue;
                }
                out.append("| ").append(algorithm).append(" | ").append(contender).append(" | ")
                        .append(count(row.score())).append(" | ").append(count(row.error()))
                        .append(" | ").append(bytes(row.bytesPerOp())).append(" | ")
                        .append(floor == null ? "" : ratio(row.score() / floor.score()))
                        .append(" | ").append(peer > 0 ? ratio(row.score() / peer) : "")
                        .append(" |\n");
            }
        }
        out.append('\n');
    }

    private static void targets(List<Row> rows, StringBuilder out) {
        out.append("| target | measured | met |\n|---|---|---|\n");
        for (String algorithm : List.of("RS256", "PS256", "ES256", "EdDSA")) {
            Map<String, Row> byContender = verifyRows(rows, algorithm);
            Row cold = byContender.get("jwteeCold");
            Row floor = byContender.get("jdkFloor");
            if (cold != null && floor != null) {
                double value = cold.score() / floor.score();
                target(out, "cold " + algorithm + " at least 0.9 of the JDK floor", ratio(value),
                        value >= 0.9);
            }
        }
        Map<String, Row> hmac = verifyRows(rows, "HS256");
        if (hmac.containsKey("jwteeCold") && hmac.containsKey("jose4j")) {
            double value = hmac.get("jwteeCold").score() / hmac.get("jose4j").score();
            target(out, "cold HS256 at least twice plain jose4j", ratio(value), value >= 2);
        }
        for (String algorithm : ALGORITHMS) {
            Row cached = verifyRows(rows, algorithm).get("jwteeCached");
            if (cached != null) {
                target(out, "cached " + algorithm + " over 1,000,000 ops/s",
                        count(cached.score()), cached.score() > 1_000_000);
            }
        }
        out.append('\n');
    }

    private static void target(StringBuilder out, String name, String measured, boolean met) {
        out.append("| ").append(name).append(" | ").append(measured).append(" | ")
                .append(met ? "yes" : "no").append(" |\n");
    }

    private static void others(List<Row> rows, StringBuilder out) {
        out.append("| benchmark | parameters | score | ± | unit | B/op |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            if (row.benchmark().startsWith("VerifyBenchmark.")) {
                continue;
            }
            out.append("| ").append(row.benchmark()).append(" | ")
                    .append(String.join(", ", row.params().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).toList()))
                    .append(" | ").append(count(row.score())).append(" | ")
                    .append(count(row.error())).append(" | ").append(row.unit()).append(" | ")
                    .append(bytes(row.bytesPerOp())).append(" |\n");
        }
    }

    private static Map<String, Row> verifyRows(List<Row> rows, String algorithm) {
        Map<String, Row> byContender = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.benchmark().startsWith("VerifyBenchmark.")
                    && algorithm.equals(row.params().get("alg"))
                    && !Double.isNaN(row.score())) {
                byContender.put(row.benchmark().substring("VerifyBenchmark.".length()), row);
            }
        }
        return byContender;
    }

    private static double bestPeer(Map<String, Row> byContender) {
        double best = 0;
        for (Map.Entry<String, Row> entry : byContender.entrySet()) {
            if (PEERS.contains(entry.getKey())) {
                best = Math.max(best, entry.getValue().score());
            }
        }
        return best;
    }

    private static double number(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        // JMH writes "NaN" as a string when an error cannot be computed.
        return Double.NaN;
    }

    /** Formats a score: millions with two decimals, otherwise whole numbers with commas. */
    private static String count(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f M", value / 1_000_000);
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String bytes(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
