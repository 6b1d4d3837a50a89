package ai.behavior.report;

import java.util.HashMap;
import java.util.Map;

/** Hands out unique section ids: the base the first time, then {@code base-2}, {@code base-3}... */
final class SectionIds {
    private final Map<String, Integer> used = new HashMap<>();

    String next(String base) {
        int n = used.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }
}
