package ai.behavior.io;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Applies the read policy to each row problem and keeps the counts for the {@link ReadReport}. */
final class ProblemTracker {
    private final ReadOptions options;
    private final Map<RowProblem.Reason, Long> counts = new EnumMap<>(RowProblem.Reason.class);
    private final List<RowProblem> recorded = new ArrayList<>();
    private long skipped;

    ProblemTracker(ReadOptions options) {
        this.options = options;
    }

    /** Fails (FAIL policy) or counts, records and announces the problem (SKIP policy). */
    void onProblem(RowProblem problem) throws MalformedRowException {
        if (options.policy() == ReadPolicy.FAIL) {
            throw new MalformedRowException(problem);
        }
        skipped++;
        counts.merge(problem.reason(), 1L, Long::sum);
        if (recorded.size() < options.maxRecordedProblems()) {
            recorded.add(problem);
        }
        options.skipListener().accept(problem);
    }

    ReadReport report(String source, long rowsRead, long blankLines, long categoryConflicts, double seconds) {
        return new ReadReport(source, rowsRead, skipped, blankLines, counts, recorded, categoryConflicts, seconds);
    }
}
