package ai.behavior.eval;

import ai.behavior.split.RandomSplit;
import ai.behavior.split.Split;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything needed to read (and reproduce) an evaluation number: the data split, how interactions were
 * ordered, which candidates were ranked, whether items the user had already seen were excluded, the cut-offs
 * K and the seed. It is printed beside every result, so a number never travels without its protocol.
 *
 * <pre>{@code
 * EvaluationProtocol p = EvaluationProtocol.fullRanking("leave-last-1-out per user", 10, 20).withSeed(7);
 * System.out.println(p.describe()); // protocol: split=leave-last-1-out per user; ordering=random order; ...
 * }</pre>
 *
 * @param dataset free-text dataset name; empty when not given (never null)
 * @param split the split strategy and its parameters in words, e.g. {@code "random 80/20 per user"}
 * @param ordering how interactions were ordered before splitting
 * @param candidates which items were ranked
 * @param excludeSeen whether items seen in training were removed from each user's candidates
 * @param ks the cut-offs, each {@code > 0}, in the order given (an unmodifiable list)
 * @param seed seed of every random choice (shuffles, negative samples)
 */
public record EvaluationProtocol(String dataset, String split, Ordering ordering, CandidateMode candidates,
                                 boolean excludeSeen, List<Integer> ks, long seed) {
    /** Seed used by the factories unless {@link #withSeed} says otherwise. */
    public static final long DEFAULT_SEED = 42L;

    /** Validates every field and copies {@code ks}. */
    public EvaluationProtocol {
        dataset = dataset == null ? "" : dataset.strip();
        if (split == null || split.isBlank()) {
            throw new IllegalArgumentException("split description must not be blank");
        }
        split = split.strip();
        if (ordering == null || candidates == null) {
            throw new IllegalArgumentException("ordering and candidates must not be null");
        }
        if (ks == null) {
            ks = List.of();
        }
        boolean pointwise = candidates instanceof CandidateMode.Pointwise;
        if (ks.isEmpty() && !pointwise) {
            throw new IllegalArgumentException("at least one K is needed");
        }
        if (pointwise && (!ks.isEmpty() || excludeSeen)) {
            throw new IllegalArgumentException("a pointwise protocol ranks nothing: it has no K and excludes nothing");
        }
        for (Integer k : ks) {
            if (k == null || k <= 0) {
                throw new IllegalArgumentException("every K must be > 0, got " + ks);
            }
        }
        ks = List.copyOf(ks);
    }

    /**
     * A pointwise protocol for binary or regression tasks: each labelled test row is scored; no K, nothing
     * excluded; random ordering (use {@link #withOrdering} for time-based splits), {@link #DEFAULT_SEED}.
     *
     * @param split the split in words
     */
    public static EvaluationProtocol pointwise(String split) {
        return new EvaluationProtocol("", split, Ordering.RANDOM, new CandidateMode.Pointwise(), false, List.of(),
                DEFAULT_SEED);
    }

    /**
     * Full ranking over the catalogue, seen items excluded, random ordering, {@link #DEFAULT_SEED}.
     *
     * @param split the split in words
     * @param ks cut-offs, each {@code > 0}
     */
    public static EvaluationProtocol fullRanking(String split, int... ks) {
        return new EvaluationProtocol("", split, Ordering.RANDOM, new CandidateMode.Full(), true, list(ks),
                DEFAULT_SEED);
    }

    /**
     * Full ranking after {@code split}, seen items excluded, taking the split's own description, ordering (by time
     * for temporal and leave-last-out splits, else random) and seed (a random split's; {@link #DEFAULT_SEED}
     * otherwise), so the printed protocol cannot disagree with the split that was run.
     *
     * <pre>{@code
     * EvaluationProtocol p = EvaluationProtocol.fullRanking(LeaveLastOut.of(1), 10, 20);
     * }</pre>
     */
    public static EvaluationProtocol fullRanking(Split split, int... ks) {
        return fullRanking(split.describe(), ks).withOrdering(orderingOf(split)).withSeed(seedOf(split));
    }

    /**
     * A pointwise protocol after {@code split}, with its description, ordering and seed (as
     * {@link #fullRanking(Split, int...)}).
     */
    public static EvaluationProtocol pointwise(Split split) {
        return pointwise(split.describe()).withOrdering(orderingOf(split)).withSeed(seedOf(split));
    }

    private static Ordering orderingOf(Split split) {
        return split instanceof RandomSplit ? Ordering.RANDOM : Ordering.TEMPORAL;
    }

    private static long seedOf(Split split) {
        return split instanceof RandomSplit r ? r.seed() : DEFAULT_SEED;
    }

    /**
     * Each held-out item ranked among {@code n} uniformly sampled negatives, seen items excluded, random
     * ordering, {@link #DEFAULT_SEED}.
     */
    public static EvaluationProtocol sampledUniform(String split, int n, int... ks) {
        return new EvaluationProtocol("", split, Ordering.RANDOM, new CandidateMode.SampledUniform(n), true,
                list(ks), DEFAULT_SEED);
    }

    /**
     * Each held-out item ranked among {@code n} popularity-sampled negatives, seen items excluded, random
     * ordering, {@link #DEFAULT_SEED}.
     */
    public static EvaluationProtocol sampledByPopularity(String split, int n, int... ks) {
        return new EvaluationProtocol("", split, Ordering.RANDOM, new CandidateMode.SampledByPopularity(n),
                true, list(ks), DEFAULT_SEED);
    }

    /** This protocol naming its dataset. */
    public EvaluationProtocol withDataset(String name) {
        return new EvaluationProtocol(name, split, ordering, candidates, excludeSeen, ks, seed);
    }

    /** This protocol with another ordering. */
    public EvaluationProtocol withOrdering(Ordering value) {
        return new EvaluationProtocol(dataset, split, value, candidates, excludeSeen, ks, seed);
    }

    /** This protocol with other candidates. */
    public EvaluationProtocol withCandidates(CandidateMode value) {
        return new EvaluationProtocol(dataset, split, ordering, value, excludeSeen, ks, seed);
    }

    /** This protocol with seen-item filtering on or off. */
    public EvaluationProtocol withExcludeSeen(boolean value) {
        return new EvaluationProtocol(dataset, split, ordering, candidates, value, ks, seed);
    }

    /** This protocol with other cut-offs. */
    public EvaluationProtocol withKs(int... values) {
        return new EvaluationProtocol(dataset, split, ordering, candidates, excludeSeen, list(values), seed);
    }

    /** This protocol with another seed. */
    public EvaluationProtocol withSeed(long value) {
        return new EvaluationProtocol(dataset, split, ordering, candidates, excludeSeen, ks, value);
    }

    /** The cut-offs as an array. */
    public int[] ksArray() {
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * One line to print beside a result, e.g. {@code "protocol: dataset=ml-1m; split=leave-last-1-out by
     * time; ordering=by time; candidates=full ranking; seen items excluded; K=[10, 20]; seed=42"}.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!dataset.isEmpty()) {
            parts.add("dataset=" + dataset);
        }
        parts.add("split=" + split);
        parts.add("ordering=" + ordering.description());
        parts.add("candidates=" + candidates.describe());
        if (!(candidates instanceof CandidateMode.Pointwise)) {
            parts.add(excludeSeen ? "seen items excluded" : "seen items kept");
            parts.add("K=" + ks.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")));
        }
        parts.add("seed=" + seed);
        return "protocol: " + String.join("; ", parts);
    }

    private static List<Integer> list(int[] ks) {
        if (ks == null) {
            throw new IllegalArgumentException("at least one K is needed");
        }
        List<Integer> out = new ArrayList<>(ks.length);
        for (int k : ks) {
            out.add(k);
        }
        return out;
    }
}
