package ai.behavior.bench.runner;

/**
 * Whether a scenario's data is available, with where it was found or why it is missing.
 *
 * <pre>{@code
 * DataStatus s = DataStatus.missing("ml-100k.inter not found in /data/ml-100k");
 * if (!s.present()) System.out.println("skipped: " + s.detail());
 * }</pre>
 *
 * @param present whether the scenario can run
 * @param detail  where the data is (present) or what was expected and where (missing); one line
 */
public record DataStatus(boolean present, String detail) {
    /** Checks the detail is one non-blank line. */
    public DataStatus {
        if (detail == null || detail.isBlank() || detail.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a data status needs a one-line detail, got '" + detail + "'");
        }
    }

    /** The data is there; {@code where} says where (or that it is generated). */
    public static DataStatus present(String where) {
        return new DataStatus(true, where);
    }

    /** The data is missing; {@code why} names the expected file and folder. */
    public static DataStatus missing(String why) {
        return new DataStatus(false, why);
    }
}
