package ai.behavior.examples;

import ai.behavior.analysis.FeatureImportance;
import ai.behavior.analysis.ImportanceResult;

import java.util.List;
import java.util.Locale;

/** Two permutation-importance results side by side, each model's top features ranked by mean drop. */
final class ImportanceTable {
    private ImportanceTable() {
    }

    /** Rank, then for each model: feature, mean drop and its standard deviation over the repeats. */
    static String sideBySide(String leftName, ImportanceResult left, String rightName, ImportanceResult right,
                             int top) {
        int width = 7;
        for (ImportanceResult r : List.of(left, right)) {
            for (int i = 0; i < Math.min(top, r.features().size()); i++) {
                width = Math.max(width, r.features().get(i).feature().length());
            }
        }
        String cell = "%-" + width + "s %8s %7s";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4s | " + cell + " | " + cell + "%n", "rank",
                leftName + " feature", "drop", "sd", rightName + " feature", "drop", "sd"));
        sb.append(String.format(Locale.ROOT, "%4s | " + cell + " | " + cell + "%n", "", "(baseline AUC)",
                fmt(left.baseline()), "", "(baseline AUC)", fmt(right.baseline()), ""));
        for (int i = 0; i < top; i++) {
            sb.append(String.format(Locale.ROOT, "%4d | %s | %s%n", i + 1, row(left, i, cell), row(right, i, cell)));
        }
        return sb.toString();
    }

    private static String row(ImportanceResult r, int i, String cell) {
        if (i >= r.features().size()) {
            return String.format(Locale.ROOT, cell, "", "", "");
        }
        FeatureImportance f = r.features().get(i);
        return String.format(Locale.ROOT, cell, f.feature(), fmt(f.mean()), fmt(f.sd()));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
