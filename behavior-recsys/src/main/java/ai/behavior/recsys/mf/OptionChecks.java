package ai.behavior.recsys.mf;

/** Range checks shared by {@link SgdOptions} and {@link AlsOptions}, each naming the option it rejects. */
final class OptionChecks {
    private OptionChecks() {
    }

    /** Rejects a NaN, infinite, zero or negative {@code v}. */
    static void positive(String name, double v) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    /** Rejects a NaN, infinite or negative {@code v}. */
    static void nonNegative(String name, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /** Rejects a null {@code v}. */
    static void notNull(String name, Object v) {
        if (v == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /** Rejects negative factor counts and epoch counts below 1. */
    static void sizes(int factors, int epochs) {
        if (factors < 0) {
            throw new IllegalArgumentException("factors must be >= 0, got " + factors);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
    }
}
