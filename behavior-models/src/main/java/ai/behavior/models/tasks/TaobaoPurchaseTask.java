package ai.behavior.models.tasks;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.Dataset;
import ai.behavior.data.Interactions;
import ai.behavior.feature.ColumnType;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.Padding;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.categorical.IndexEncoder;
import ai.behavior.feature.numeric.Log1p;
import ai.behavior.feature.numeric.MissingValues;
import ai.behavior.feature.sequence.SequenceEncoder;
import ai.behavior.io.TaobaoUserBehavior;
import ai.behavior.models.fusion.Fusion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Purchase prediction on Taobao UserBehavior (issue 5's quality target): for each (user, item) pair the user
 * VIEWED before a cut-off, will the user BUY that item within the horizon after it? Compares a logistic
 * regression baseline, the tabular MLP and a sequence model (the user's event tokens fused with the pair
 * features, {@link Fusion}) under one protocol, every model tuned on validation users only.
 *
 * <pre>{@code
 * Path csv = Path.of("../shared/datasets/taobao-userbehavior/UserBehavior_head.csv");
 * TaobaoPurchaseReport r = TaobaoPurchaseTask.run(csv, TaobaoPurchaseOptions.defaults());
 * }</pre>
 *
 * <h2>Protocol</h2>
 * <ul>
 *   <li>Rows and features: the viewed (user, item) pairs at the latest cut-off and at {@code earlierCutoffs}
 *   earlier daily cut-offs (features strictly before each cut-off; labels in {@code [c, c + horizon)}). Taobao
 *   has no price, so there is no price feature.</li>
 *   <li>Test origins: the latest {@code testOrigins} cut-offs (default 5, a rolling origin; 1 = the single
 *   cut-off protocol). Users are split into {@code folds} folds stratified by whether they have a positive at a
 *   test origin. In each fold the fold's users are the test users; of the others, {@code validationShare}
 *   (stratified) validate and the rest train. Training and validation use the rows of every cut-off; the test
 *   uses the test users' rows at every test origin, pooled. No user is in two parts of a fold. This is not a
 *   walk-forward evaluation: for an early test origin, the models have also trained on other users' rows at later
 *   cut-offs (and item aggregates at those cut-offs count events inside the test label windows); no test row's
 *   own label reaches its features.</li>
 *   <li>Each fold fits its own pipeline on its training rows ({@code log1p}, standardised, median-imputed with a
 *   missing indicator where a column has gaps; with the full grid also a feature set with the item's category);
 *   each model's setting is chosen by validation AUC; the best-F1 threshold is chosen on the validation
 *   predictions of the chosen setting and applied to the fold's test rows. The logistic baseline trains on every
 *   training row; the neural models on every positive and {@code negativeRate} of the negatives (probabilities
 *   corrected back), each setting averaged over {@code ensemble} seeds (the grids are listed in
 *   docs/purchase-prediction.md).</li>
 *   <li>Test predictions of the folds are pooled: AUC (overall and per origin), log-loss and F1 over every user
 *   once, a 95 % interval of each AUC from a bootstrap over test users, and for each neural model the difference
 *   of its AUC to the baseline's with a 95 % interval from the same (paired) user draws. Positives are few (see
 *   the {@code data} rows): differences of a few hundredths of AUC are within noise. Each difference comes with
 *   its standard error (the standard deviation of the paired draws, {@code diff_se}) and the smallest true
 *   difference the test set would detect 80 % of the time at the 5 % level, {@code min_detectable_diff} = 2.8
 *   standard errors.</li>
 * </ul>
 */
public final class TaobaoPurchaseTask {
    /** Model name of the logistic baseline. */
    public static final String LOGISTIC = "logistic regression";
    /** Model name of the MLP. */
    public static final String MLP = "MLP";
    /** Model name of the fused sequence model. */
    public static final String SEQUENCE = "sequence + pair features (fusion)";
    /** Model name of the count rows. */
    public static final String DATA = "data";

    /** Standard errors of a paired difference that a true difference must reach to be detected 80 % of the time at
     *  the two-sided 5 % level ({@code z(0.975) + z(0.80)}). */
    static final double MDE_STANDARD_ERRORS = 1.96 + 0.84;
    private static final long DAY = 86_400_000L;
    /** A category needs this many training rows for its own index (one-hot weight or embedding row). */
    private static final int CATEGORY_MIN_ROWS = 100;
    private static final long CHINA_OFFSET = 8 * 3_600_000L;

    private TaobaoPurchaseTask() {
    }

    /** Reads the CSV with {@link TaobaoUserBehavior} and runs the task. */
    public static TaobaoPurchaseReport run(Path csv, TaobaoPurchaseOptions options) throws IOException {
        Dataset d = TaobaoUserBehavior.read(csv);
        return run(d.interactions(), d.items(), options);
    }

    /**
     * Runs the task on a Taobao-shaped log and items table (categorical {@code category} column).
     *
     * @throws IllegalArgumentException when the label window ends after the last day of the log, or a part of
     *                                  the protocol has no positive to learn or measure from
     */
    public static TaobaoPurchaseReport run(Interactions log, AttributeTable items, TaobaoPurchaseOptions o) {
        long started = System.nanoTime();
        long cut = o.cutoff().toEpochMilli();
        long lastDayEnd = Math.floorDiv(log.maxTimestamp() + CHINA_OFFSET, DAY) * DAY + DAY - CHINA_OFFSET;
        long windowEnd = Math.addExact(cut, o.horizon().toMillis());
        if (windowEnd > lastDayEnd) {
            throw new IllegalArgumentException("the label window [" + o.cutoff() + ", "
                    + Instant.ofEpochMilli(windowEnd) + ") ends after the last day of the log ("
                    + Instant.ofEpochMilli(lastDayEnd) + "); the labels would be censored: use an earlier cut-off or a "
                    + "shorter horizon");
        }
        long[] cutoffs = new long[1 + o.earlierCutoffs()];
        for (int k = 0; k < cutoffs.length; k++) {
            cutoffs[k] = cut - k * DAY;
        }
        PurchasePairs pairs = PurchasePairs.build(log, items, cutoffs, o.horizon(), o.maxTokens());
        o.log().accept(String.format(Locale.ROOT, "%,d pair rows over %d cut-offs (%,d at the %d test origins), "
                + "%.1f s", pairs.size(), cutoffs.length, countBefore(pairs, o.testOrigins()), o.testOrigins(),
                (System.nanoTime() - started) / 1e9));
        boolean[] present = new boolean[log.numUsers()];
        boolean[] positive = new boolean[log.numUsers()];
        for (int r = 0; r < pairs.size(); r++) {
            present[pairs.users()[r]] = true;
            positive[pairs.users()[r]] |= pairs.snapshot()[r] < o.testOrigins() && pairs.labels()[r] == 1;
        }
        UserFolds folds = UserFolds.of(present, positive, o.folds(), o.validationShare(), o.seed());
        List<String> numeric = new ArrayList<>();
        for (String c : pairs.frame().columnNames()) {
            if (pairs.frame().type(c) == ColumnType.NUMERIC) {
                numeric.add(c);
            }
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String m : new String[] {LOGISTIC, MLP, SEQUENCE}) {
            outcomes.put(m, new Outcome(pairs.size()));
        }
        for (int f = 0; f < folds.folds(); f++) {
            Fold fold = Fold.of(pairs, folds, f);
            int[] sampled = downsample(pairs, fold.train, o.negativeRate(), o.seed() + f);
            o.log().accept(String.format(Locale.ROOT, "fold %d/%d: %,d train rows (%d positive; %,d kept for the "
                    + "neural models), %,d validation (%d), %,d test rows at all cut-offs (%d)", f + 1, folds.folds(),
                    fold.train.length, positives(pairs, fold.train), sampled.length, fold.valid.length,
                    positives(pairs, fold.valid), fold.test.length, positives(pairs, fold.test)));
            FeatureFrame trainFrame = pairs.frame().select(fold.train);
            FeatureFrame sampledFrame = pairs.frame().select(sampled);
            FeatureFrame validFrame = pairs.frame().select(fold.valid);
            FeatureFrame testFrame = pairs.frame().select(fold.test);
            double[] trainLabels = labels(pairs, fold.train);
            double[] sampledLabels = labels(pairs, sampled);
            double[] validLabels = labels(pairs, fold.valid);
            // two tabular feature sets: the numeric columns, and the same plus the item's category (one-hot weights
            // in the logistic model, an embedding in the MLP); each model chooses on validation
            List<PurchaseModels.Candidate> logistic = new ArrayList<>();
            List<PurchaseModels.Candidate> mlp = new ArrayList<>();
            for (boolean category : o.fullGrid() ? new boolean[] {false, true} : new boolean[] {false}) {
                FittedPipeline tabular = pipeline(trainFrame, numeric, null, category, o).fit(trainFrame,
                        FitContext.unsupervised());
                PurchaseModels.Parts tab = new PurchaseModels.Parts(category ? "+ category" : "numeric",
                        tabular.transform(trainFrame), trainLabels, tabular.transform(sampledFrame), sampledLabels,
                        tabular.transform(validFrame), validLabels, tabular.transform(testFrame), o.negativeRate());
                logistic.addAll(PurchaseModels.logistic(tab, o));
                mlp.addAll(PurchaseModels.mlp(tab, o));
            }
            choose(outcomes.get(LOGISTIC), logistic, validLabels, fold, o);
            choose(outcomes.get(MLP), mlp, validLabels, fold, o);
            FittedPipeline sequential = pipeline(trainFrame, numeric, o.encoder().padding(), false, o).fit(trainFrame,
                    FitContext.unsupervised());
            PurchaseModels.Parts seq = new PurchaseModels.Parts("numeric", null, trainLabels,
                    sequential.transform(sampledFrame), sampledLabels, sequential.transform(validFrame), validLabels,
                    sequential.transform(testFrame), o.negativeRate());
            choose(outcomes.get(SEQUENCE), PurchaseModels.fusion(seq, o), validLabels, fold, o);
        }
        return report(pairs, outcomes, o, (System.nanoTime() - started) / 1e9);
    }

    /**
     * The pipeline: every numeric column log1p'd and standardised (a column with no value in the training rows is
     * left out), the category index-encoded (categories of at least {@value #CATEGORY_MIN_ROWS} training rows)
     * when asked, and the token sequence when padded.
     */
    private static Pipeline pipeline(FeatureFrame train, List<String> numeric, Padding sequence, boolean category,
                                    TaobaoPurchaseOptions o) {
        Pipeline.Builder b = Pipeline.builder();
        for (String c : numeric) {
            boolean gaps = false;
            boolean present = false;
            for (double v : train.numeric(c)) {
                gaps |= Double.isNaN(v);
                present |= !Double.isNaN(v);
            }
            if (!present) {
                // e.g. hours since the last favourite in a log without favourites: nothing to learn from
                o.log().accept("  column " + c + " has no value in the training rows: left out");
                continue;
            }
            MissingValues missing = gaps ? MissingValues.median().withIndicator() : MissingValues.median();
            b.add(c, Log1p.of(c).clampNegatives().thenStandardize().missing(missing));
        }
        if (category) {
            b.add(PurchasePairs.CATEGORY, IndexEncoder.of(PurchasePairs.CATEGORY).minCount(CATEGORY_MIN_ROWS));
        }
        if (sequence != null) {
            b.add("history", SequenceEncoder.of(PurchasePairs.TOKENS, o.maxTokens()).padding(sequence));
        }
        return b.build();
    }

    /** Every positive row of {@code rows} and each negative row with probability {@code rate}. */
    /** The sample standard deviation of {@code values}. */
    static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }

    private static int[] downsample(PurchasePairs pairs, int[] rows, double rate, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        PurchasePairs.IntColumn out = new PurchasePairs.IntColumn();
        for (int row : rows) {
            if (pairs.labels()[row] == 1 || rate == 1 || r.nextDouble() < rate) {
                out.add(row);
            }
        }
        return out.toArray();
    }

    /** Fits every candidate, keeps the best on validation, and records its test predictions and threshold. */
    private static void choose(Outcome out, List<PurchaseModels.Candidate> candidates, double[] validLabels,
                               Fold fold, TaobaoPurchaseOptions o) {
        long t0 = System.nanoTime();
        PurchaseModels.Fitted best = null;
        for (PurchaseModels.Candidate c : candidates) {
            PurchaseModels.Fitted f = c.fit();
            o.log().accept(String.format(Locale.ROOT, "  %s: validation AUC %.4f", f.setting(), f.validationAuc()));
            if (best == null || f.validationAuc() > best.validationAuc()) {
                best = f;
            }
        }
        double threshold = BinaryScores.bestThreshold(PurchaseModels.ints(validLabels), best.valid());
        for (int k = 0; k < fold.test.length; k++) {
            out.prediction[fold.test[k]] = best.test()[k];
            out.threshold[fold.test[k]] = threshold;
        }
        out.validationAuc += best.validationAuc() / fold.count;
        out.chosen.add(best.setting());
        out.seconds += (System.nanoTime() - t0) / 1e9;
    }

    /** Pooled predictions of one model. */
    private static final class Outcome {
        final double[] prediction;
        final double[] threshold;
        final List<String> chosen = new ArrayList<>();
        double validationAuc;
        double seconds;

        Outcome(int rows) {
            prediction = new double[rows];
            threshold = new double[rows];
        }
    }

    /** The rows of one fold's parts. */
    private record Fold(int[] train, int[] valid, int[] test, int count) {
        static Fold of(PurchasePairs pairs, UserFolds folds, int f) {
            PurchasePairs.IntColumn train = new PurchasePairs.IntColumn();
            PurchasePairs.IntColumn valid = new PurchasePairs.IntColumn();
            PurchasePairs.IntColumn test = new PurchasePairs.IntColumn();
            for (int r = 0; r < pairs.size(); r++) {
                int part = folds.part(f, pairs.users()[r]);
                if (part == 0) {
                    train.add(r);
                } else if (part == 1) {
                    valid.add(r);
                } else if (part == 2) {
                    test.add(r);
                }
            }
            return new Fold(train.toArray(), valid.toArray(), test.toArray(), folds.folds());
        }
    }

    private static TaobaoPurchaseReport report(PurchasePairs pairs, Map<String, Outcome> outcomes,
                                               TaobaoPurchaseOptions o, double seconds) {
        PurchasePairs.IntColumn at = new PurchasePairs.IntColumn();
        for (int r = 0; r < pairs.size(); r++) {
            if (pairs.snapshot()[r] < o.testOrigins()) {
                at.add(r);
            }
        }
        int[] rows = at.toArray();
        int[] truth = new int[rows.length];
        int[] user = new int[rows.length];
        int pos = 0;
        for (int k = 0; k < rows.length; k++) {
            truth[k] = (int) pairs.labels()[rows[k]];
            user[k] = pairs.users()[rows[k]];
            pos += truth[k];
        }
        String protocol = protocol(o);
        List<TaskResult> results = new ArrayList<>();
        long users = java.util.Arrays.stream(user).distinct().count();
        results.add(new TaskResult(DATA, "test_rows", rows.length, protocol, seconds));
        results.add(new TaskResult(DATA, "test_positives", pos, protocol, seconds));
        results.add(new TaskResult(DATA, "test_users", users, protocol, seconds));
        results.add(new TaskResult(DATA, "positive_rate", (double) pos / rows.length, protocol, seconds));
        for (int s = o.testOrigins() - 1; s >= 0; s--) {
            int n = 0;
            int positives = 0;
            for (int k = 0; k < rows.length; k++) {
                if (pairs.snapshot()[rows[k]] == s) {
                    n++;
                    positives += truth[k];
                }
            }
            results.add(new TaskResult(DATA, "rows_" + day(pairs.cutoffs()[s]), n, protocol, seconds));
            results.add(new TaskResult(DATA, "positives_" + day(pairs.cutoffs()[s]), positives, protocol, seconds));
        }
        int[] all = new int[pairs.size()];
        for (int r = 0; r < all.length; r++) {
            all[r] = (int) pairs.labels()[r];
        }
        List<String> names = new ArrayList<>(outcomes.keySet());
        double[][] p = new double[names.size()][rows.length];
        for (int m = 0; m < names.size(); m++) {
            double[] prediction = outcomes.get(names.get(m)).prediction;
            for (int k = 0; k < rows.length; k++) {
                p[m][k] = prediction[rows[k]];
            }
        }
        // one set of user draws for every model, so the differences to the baseline (model 0) are paired
        double[][] draws = BinaryScores.bootstrapAucs(truth, p, user, o.bootstrap(), o.seed());
        List<String> notes = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            String name = names.get(m);
            Outcome out = outcomes.get(name);
            double[] th = new double[rows.length];
            for (int k = 0; k < rows.length; k++) {
                th[k] = out.threshold[rows[k]];
            }
            double auc = BinaryScores.auc(truth, p[m]);
            double[] ci = BinaryScores.percentiles(draws[m].clone());
            results.add(new TaskResult(name, "auc", auc, protocol, out.seconds));
            results.add(new TaskResult(name, "auc_ci_low", ci[0], protocol, out.seconds));
            results.add(new TaskResult(name, "auc_ci_high", ci[1], protocol, out.seconds));
            if (m > 0) {
                double[] diff = new double[draws[m].length];
                int notAhead = 0;
                for (int b = 0; b < diff.length; b++) {
                    diff[b] = draws[m][b] - draws[0][b];
                    notAhead += diff[b] <= 0 ? 1 : 0;
                }
                double[] dci = BinaryScores.percentiles(diff);
                results.add(new TaskResult(name, "auc_minus_baseline", auc - BinaryScores.auc(truth, p[0]), protocol,
                        out.seconds));
                results.add(new TaskResult(name, "diff_ci_low", dci[0], protocol, out.seconds));
                results.add(new TaskResult(name, "diff_ci_high", dci[1], protocol, out.seconds));
                results.add(new TaskResult(name, "share_not_ahead", (double) notAhead / diff.length, protocol,
                        out.seconds));
                // the smallest true difference this test set would show 80 % of the time at the 5 % level
                // (two-sided): (1.96 + 0.84) standard errors of the paired difference
                double se = standardDeviation(diff);
                results.add(new TaskResult(name, "diff_se", se, protocol, out.seconds));
                results.add(new TaskResult(name, "min_detectable_diff", MDE_STANDARD_ERRORS * se, protocol,
                        out.seconds));
            }
            results.add(new TaskResult(name, "log_loss", BinaryScores.logLoss(truth, p[m]), protocol, out.seconds));
            results.add(new TaskResult(name, "f1", BinaryScores.f1(truth, p[m], th), protocol, out.seconds));
            results.add(new TaskResult(name, "val_auc", out.validationAuc, protocol, out.seconds));
            for (int s = o.testOrigins() - 1; s >= 0 && o.testOrigins() > 1; s--) {
                results.add(new TaskResult(name, "auc_" + day(pairs.cutoffs()[s]), aucAt(pairs, rows, truth, p[m], s),
                        protocol, out.seconds));
            }
            results.add(new TaskResult(name, "auc_all_cutoffs", BinaryScores.auc(all, out.prediction), protocol,
                    out.seconds));
            notes.add(name + ": chosen per fold: " + String.join("; ", out.chosen));
        }
        notes.add("diff_ci_low/high: 95 % interval of (model AUC - " + names.get(0) + " AUC) from the same "
                + o.bootstrap() + " user draws; share_not_ahead: share of draws where the model is not ahead; "
                + "diff_se: standard deviation of those draws; min_detectable_diff: 2.8 x diff_se, the smallest true "
                + "difference this test set shows 80 % of the time at the 5 % level");
        notes.add("auc_all_cutoffs: the test users' rows at every cut-off (" + pairs.size() + " rows, "
                + Arrays.stream(all).sum() + " positives), earlier ones included: larger, correlated");
        return new TaobaoPurchaseReport(results, protocol, notes);
    }

    /** The AUC on the rows of one cut-off (0.5 when that cut-off has one class only). */
    private static double aucAt(PurchasePairs pairs, int[] rows, int[] truth, double[] p, int snapshot) {
        PurchasePairs.IntColumn k = new PurchasePairs.IntColumn();
        int positives = 0;
        for (int i = 0; i < rows.length; i++) {
            if (pairs.snapshot()[rows[i]] == snapshot) {
                k.add(i);
                positives += truth[i];
            }
        }
        int[] idx = k.toArray();
        if (positives == 0 || positives == idx.length) {
            return 0.5;
        }
        int[] t = new int[idx.length];
        double[] q = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            t[i] = truth[idx[i]];
            q[i] = p[idx[i]];
        }
        return BinaryScores.auc(t, q);
    }

    /** The China-time date of a cut-off, e.g. {@code 2017-12-02}. */
    private static String day(long cutoff) {
        return Instant.ofEpochMilli(cutoff).atOffset(ZoneOffset.ofHours(8)).toLocalDate().toString();
    }

    private static String protocol(TaobaoPurchaseOptions o) {
        String cut = o.cutoff().atOffset(ZoneOffset.ofHours(8)).toLocalDateTime().toString().replace('T', ' ');
        String first = o.cutoff().minus(Duration.ofDays(o.testOrigins() - 1)).atOffset(ZoneOffset.ofHours(8))
                .toLocalDateTime().toString().replace('T', ' ');
        String test = o.testOrigins() == 1 ? "test = each fold's users at c = " + cut + " UTC+8 (single cut-off)"
                : "test = each fold's users at " + o.testOrigins() + " daily origins " + first + " .. " + cut
                + " UTC+8, pooled (several test origins; models fit once per fold on other users' rows at every"
                + " cut-off, later ones included: not walk-forward)";
        return String.format(Locale.ROOT, "(user, item) pairs viewed before a cut-off c, label = bought in the %s "
                + "after c (features strictly before c; no price in Taobao); %d-fold CV by users stratified by "
                + "having a test positive (seed %d), %.0f%% of the other users validate (tuning, early stopping, F1 "
                + "threshold); training and validation use %d daily cut-offs; %s; folds pooled; AUC 95%% CI = "
                + "user bootstrap x%d", human(o.horizon()), o.folds(), o.seed(), 100 * o.validationShare(),
                1 + o.earlierCutoffs(), test, o.bootstrap());
    }

    private static String human(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " hours";
    }

    private static int countBefore(PurchasePairs pairs, int snapshots) {
        int n = 0;
        for (int s : pairs.snapshot()) {
            n += s < snapshots ? 1 : 0;
        }
        return n;
    }

    private static int positives(PurchasePairs pairs, int[] rows) {
        int n = 0;
        for (int r : rows) {
            n += (int) pairs.labels()[r];
        }
        return n;
    }

    private static double[] labels(PurchasePairs pairs, int[] rows) {
        double[] y = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            y[k] = pairs.labels()[rows[k]];
        }
        return y;
    }
}
