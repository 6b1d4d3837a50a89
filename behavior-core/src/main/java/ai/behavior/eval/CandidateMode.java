package ai.behavior.eval;

/**
 * Which items a model ranks for each test user, after RecBole's {@code eval_args.mode}: the full catalogue,
 * or each held-out item among {@code n} sampled negatives; or, for binary and regression tasks, no ranking
 * at all: each labelled row is scored on its own ({@link Pointwise}). Sampled numbers are higher than full-ranking
 * numbers and not comparable with them, which is why the mode travels with every result.
 *
 * <pre>{@code
 * CandidateMode full = new CandidateMode.Full();
 * CandidateMode uni100 = new CandidateMode.SampledUniform(100);
 * }</pre>
 */
public sealed interface CandidateMode
        permits CandidateMode.Full, CandidateMode.SampledUniform, CandidateMode.SampledByPopularity,
        CandidateMode.Pointwise {

    /** One-phrase description, e.g. {@code "full ranking"}. */
    String describe();

    /** Every item of the catalogue is a candidate. */
    record Full() implements CandidateMode {
        @Override
        public String describe() {
            return "full ranking";
        }
    }

    /**
     * Each held-out item is ranked among {@code n} negatives drawn uniformly from the items the user did not
     * interact with.
     *
     * @param n negatives per held-out item, {@code > 0}
     */
    record SampledUniform(int n) implements CandidateMode {
        /** Validates {@code n > 0}. */
        public SampledUniform {
            if (n <= 0) {
                throw new IllegalArgumentException("sampled candidates need n > 0, got " + n);
            }
        }

        @Override
        public String describe() {
            return n + " uniformly sampled negatives per held-out item";
        }
    }

    /**
     * Each held-out item is ranked among {@code n} negatives drawn in proportion to item popularity (a harder
     * and less biased test than uniform sampling).
     *
     * @param n negatives per held-out item, {@code > 0}
     */
    record SampledByPopularity(int n) implements CandidateMode {
        /** Validates {@code n > 0}. */
        public SampledByPopularity {
            if (n <= 0) {
                throw new IllegalArgumentException("sampled candidates need n > 0, got " + n);
            }
        }

        @Override
        public String describe() {
            return n + " popularity-sampled negatives per held-out item";
        }
    }

    /** Each labelled test row is scored on its own (purchase, click or churn prediction; rating error). */
    record Pointwise() implements CandidateMode {
        @Override
        public String describe() {
            return "each labelled row scored (pointwise)";
        }
    }
}
