package io.tradeshell.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.journal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the index page lists: the runs and sweeps of the runs folder (two levels deep, as
 * parity's backtest/live runs are), and the paper accounts of the home, each with a few
 * figures read from its own files.
 */
final class Catalog {
    private Catalog() { }

    static List<Map<String, Object>> entries(Folders folders) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Path> root : folders.roots().entrySet()) {
            if (root.getKey().equals("home")) {
                for (Path account : children(root.getValue().resolve("paper"))) {
                    if (Files.exists(account.resolve("session.json"))) out.add(entry(folders, account, "paper"));
                }
            } else {
                scan(folders, root.getValue(), 0, out);
            }
        }
        out.sort(Comparator.comparing((Map<String, Object> e) -> (String) e.get("kind")).thenComparing(e -> -((Long) e.get("modified"))));
        return out;
    }

    private static void scan(Folders folders, Path dir, int depth, List<Map<String, Object>> out) {
        String kind = kindOf(dir);
        if (kind != null) {
            out.add(entry(folders, dir, kind));
            return;
        }
        if (depth < 2) for (Path child : children(dir)) scan(folders, child, depth + 1, out);
    }

    static String kindOf(Path dir) {
        if (Files.exists(dir.resolve("session.json"))) return "paper";
        if (Files.exists(dir.resolve("sweep.json")) || Files.exists(dir.resolve("optimize.jsonl"))) return "sweep";
        if (Files.exists(dir.resolve("summary.json")) || Files.exists(dir.resolve("equity.jsonl"))) return "run";
        return null;
    }

    private static Map<String, Object> entry(Folders folders, Path dir, String kind) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("ref", folders.ref(dir).orElse(""));
        e.put("kind", kind);
        e.put("name", dir.getFileName().toString());
        e.put("modified", modified(dir));
        JsonNode facts = read(dir.resolve(switch (kind) {
            case "paper" -> "status.json";
            case "sweep" -> "sweep.json";
            default -> "summary.json";
        }));
        switch (kind) {
            case "paper" -> {
                e.put("state", facts.path("state").asText(""));
                e.put("tradingState", facts.path("tradingState").asText(""));
                e.put("equity", facts.path("equity").isNumber() ? facts.path("equity").asDouble() : null);
                e.put("script", facts.path("script").asText(""));
            }
            case "sweep" -> {
                e.put("script", facts.path("strategy").asText(""));
                e.put("combinations", facts.path("combinations").asInt(0));
            }
            default -> {
                e.put("script", facts.path("name").asText(""));
                JsonNode m = facts.path("metrics");
                e.put("totalReturn", m.path("totalReturn").isNumber() ? m.path("totalReturn").asDouble() : null);
                e.put("trades", m.path("trades").isNumber() ? m.path("trades").asInt() : null);
                e.put("mode", facts.path("mode").asText(""));
            }
        }
        return e;
    }

    private static JsonNode read(Path file) {
        try {
            return Files.isRegularFile(file) ? Json.MAPPER.readTree(file.toFile()) : Json.MAPPER.createObjectNode();
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode(); // being rewritten
        }
    }

    private static long modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
