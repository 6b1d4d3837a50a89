package ai.behavior.io;

import java.io.IOException;

/**
 * A row that a reader could not accept under {@link ReadPolicy#FAIL}, or input whose structure does not
 * match the declared schema (a missing header column). The message names file, line, column and the
 * offending text.
 *
 * <pre>{@code
 * try { CsvInteractionReader.read(path, schema); }
 * catch (MalformedRowException e) { System.err.println(e.problem().line()); }
 * }</pre>
 */
public final class MalformedRowException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient RowProblem problem;

    /** An exception for a row problem. */
    public MalformedRowException(RowProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    /** An exception for a structural problem (not tied to one field). */
    public MalformedRowException(String message) {
        super(message);
        this.problem = null;
    }

    /** The row problem, or {@code null} for a structural problem. */
    public RowProblem problem() {
        return problem;
    }
}
