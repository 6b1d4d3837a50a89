package ai.behavior.models.sequence;

import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import ai.behavior.eval.CandidateMode;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.eval.Ordering;
import ai.behavior.metric.RankingAccumulator;
import ai.behavior.metric.RankingMetric;
import ai.behavior.metric.RankingResult;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.progress.ProgressListener;
import ai.behavior.split.LeaveLastOut;
import ai.behavior.split.SplitResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Next-item evaluation by leave-last-out on time: popularity against sequence models, HR@K and NDCG@K under full
 * ranking and under sampled negatives (the SASRec paper's protocol), each number with its protocol.
 *
 * <pre>{@code
 * NextItemEvaluation.Result r = NextItemEvaluation.run(MovieLens.read(dir).interactions(),
 *         NextItemEvaluation.Options.defaults().withDataset("ml-100k"));
 * System.out.println(r.full().toTable()); System.out.println(r.sampled().toTable());
 * }</pre>
 *
 * <h2>Protocol</h2>
 * <ul>
 *   <li><b>Split</b> ({@link LeaveLastOut}{@code .of(1).withValidation(1)}): each user's events ordered by time
 *   (ties in log order); the last one tests, the one before validates, the rest train. Users with fewer than three
 *   events stay in training and are not evaluated.</li>
 *   <li><b>Model selection</b>: each model family may list several settings; each is trained on the training part
 *   with early stopping on validation NDCG@10 (full ranking), and the family's setting with the best validation
 *   NDCG@10 is the one tested. The test events are never looked at before the chosen model is fixed.</li>
 *   <li><b>Test</b>: the chosen model reads each user's training and validation events (the last
 *   {@code maxLength}) and ranks the test item; popularity counts the training and validation events of all
 *   users.</li>
 *   <li><b>(a) Full ranking</b>: the test item among every item of the catalogue; the user's own history is
 *   <em>not</em> excluded unless {@link Options#excludeSeen()} says so.</li>
 *   <li><b>(b) Sampled</b>: the test item among {@link Options#negatives()} distinct items drawn uniformly (seeded)
 *   from the items the user never interacted with in the whole log (the SASRec paper draws 100).</li>
 *   <li>Ties: the test item loses every tie ({@link TopItems}), so a constant scorer earns nothing.</li>
 * </ul>
 */
public final class NextItemEvaluation {
    private NextItemEvaluation() {
    }

    /**
     * What to run.
     *
     * @param dataset     dataset name for the protocol line ("" = none)
     * @param models      model families by display name, each with the settings to select from on validation
     *                    (popularity is always evaluated and needs no entry)
     * @param k           the cut-off of HR and NDCG (default 10)
     * @param negatives   sampled negatives per test user (default 100)
     * @param seed        seed of the negative sampling (default 42); training seeds are in each model's options
     * @param excludeSeen whether full ranking drops each user's history items from the candidates (default false)
     * @param progress    receives every training epoch (default quiet)
     * @param log         receives one line per trained setting and per result, or null for none
     * @param trainingSeeds training seeds: every setting is trained once per seed, chosen on its mean validation
     *                    NDCG@10, and tested with every seed's model (empty, the default: once, with the setting's
     *                    own seed)
     */
    public record Options(String dataset, Map<String, List<SequenceOptions>> models, int k, int negatives, long seed,
                          boolean excludeSeen, ProgressListener progress, PrintStream log, List<Long> trainingSeeds) {
        /** Checks and copies. */
        public Options {
            dataset = dataset == null ? "" : dataset;
            Map<String, List<SequenceOptions>> copy = new LinkedHashMap<>();
            models.forEach((name, list) -> {
                if (name == null || name.isBlank() || list == null || list.isEmpty()) {
                    throw new IllegalArgumentException("each model family needs a name and at least one setting, got '"
                            + name + "' = " + list);
                }
                if (name.equalsIgnoreCase("popularity")) {
                    throw new IllegalArgumentException("'popularity' is always evaluated; name families otherwise");
                }
                if (list.stream().distinct().count() != list.size()) {
                    throw new IllegalArgumentException("family '" + name + "' lists a setting twice");
                }
                copy.put(name, List.copyOf(list));
            });
            models = Collections.unmodifiableMap(copy);
            if (k < 1 || negatives < 1) {
                throw new IllegalArgumentException("k and negatives must be >= 1, got " + k + " and " + negatives);
            }
            if (progress == null) {
                throw new IllegalArgumentException("progress must not be null (use ProgressListener.quiet())");
            }
            trainingSeeds = List.copyOf(trainingSeeds);
            if (trainingSeeds.stream().distinct().count() != trainingSeeds.size()) {
                throw new IllegalArgumentException("training seeds must be distinct, got " + trainingSeeds);
            }
        }

        /**
         * One setting per family, the ones {@link #selection()} chose on ML-100K validation (mean of seeds 42, 7 and
         * 3; see docs/sequence-models.md): a 2-layer LSTM of dim 128 without dropout on items alone, and a 2-layer
         * Transformer of dim 64 (one head, ffn 64, dropout 0.2, embeddings not scaled by {@code sqrt(dim)}) that
         * embeds the time gap between events ({@link EventFeature#GAP}), each for up to 60 epochs with patience 8;
         * trained once, with seed 42 (add {@link #withTrainingSeeds} for the published mean over seeds); K = 10, 100
         * negatives, seed 42, nothing excluded in full ranking.
         */
        public static Options defaults() {
            TrainingOptions t = SequenceOptions.defaultTraining().withEpochs(60).withPatience(8);
            Map<String, List<SequenceOptions>> m = new LinkedHashMap<>();
            m.put("LSTM", List.of(SequenceOptions.lstm().withDim(128).withLayers(2).withDropout(0).withTraining(t)));
            m.put("Transformer", List.of(SequenceOptions.transformer().withHeads(1).withFfn(64).withDropout(0.2)
                    .withScaleEmbeddings(false).withFeatures(EventFeature.GAP).withTraining(t)));
            return new Options("", m, 10, 100, 42, false, ProgressListener.quiet(), null, List.of());
        }

        /**
         * The selection grid behind the published ML-100K table (docs/sequence-models.md): per family, its best
         * setting of the earlier validation-only searches, with and without the time gap between events as an input
         * ({@link EventFeature#GAP}); every setting trained with seeds 42, 7 and 3 for up to 60 epochs with patience 8
         * (Adam 1e-3, cosine decay, batches of 128 windows of 50 events, full softmax), and each family's setting with
         * the best mean validation NDCG@10 is tested with its three models. LSTM: dim 128 without dropout, and the
         * same with two layers (the LSTM's best in a later single-seed screen).
         * Transformer: dim 64, 2 layers, one head, ffn 64, dropout 0.2, embeddings not scaled by {@code sqrt(dim)}.
         */
        public static Options selection() {
            TrainingOptions t = SequenceOptions.defaultTraining().withEpochs(60).withPatience(8);
            SequenceOptions lstm = SequenceOptions.lstm().withDim(128).withDropout(0).withTraining(t);
            SequenceOptions tf = SequenceOptions.transformer().withHeads(1).withFfn(64).withDropout(0.2)
                    .withScaleEmbeddings(false).withTraining(t);
            Map<String, List<SequenceOptions>> m = new LinkedHashMap<>();
            m.put("LSTM", List.of(lstm, lstm.withFeatures(EventFeature.GAP), lstm.withLayers(2)));
            m.put("Transformer", List.of(tf, tf.withFeatures(EventFeature.GAP)));
            return defaults().withModels(m).withTrainingSeeds(42L, 7L, 3L);
        }

        /** A copy naming the dataset. */
        public Options withDataset(String value) {
            return new Options(value, models, k, negatives, seed, excludeSeen, progress, log, trainingSeeds);
        }

        /** A copy with these model families (display name to settings). */
        public Options withModels(Map<String, List<SequenceOptions>> value) {
            return new Options(dataset, value, k, negatives, seed, excludeSeen, progress, log, trainingSeeds);
        }

        /** A copy with another cut-off. */
        public Options withK(int value) {
            return new Options(dataset, models, value, negatives, seed, excludeSeen, progress, log, trainingSeeds);
        }

        /** A copy with another number of sampled negatives. */
        public Options withNegatives(int value) {
            return new Options(dataset, models, k, value, seed, excludeSeen, progress, log, trainingSeeds);
        }

        /** A copy with another sampling seed. */
        public Options withSeed(long value) {
            return new Options(dataset, models, k, negatives, value, excludeSeen, progress, log, trainingSeeds);
        }

        /** A copy with seen-item exclusion in full ranking on or off. */
        public Options withExcludeSeen(boolean value) {
            return new Options(dataset, models, k, negatives, seed, value, progress, log, trainingSeeds);
        }

        /** A copy reporting training epochs to {@code value}. */
        public Options withProgress(ProgressListener value) {
            return new Options(dataset, models, k, negatives, seed, excludeSeen, value, log, trainingSeeds);
        }

        /**
         * A copy training every setting once per seed in {@code value}, choosing on the mean validation NDCG@10 and
         * testing every seed's model (no seeds: once, with each setting's own seed).
         */
        public Options withTrainingSeeds(Long... value) {
            return new Options(dataset, models, k, negatives, seed, excludeSeen, progress, log, List.of(value));
        }

        /** A copy printing one line per trained setting to {@code value} (null: silent). */
        public Options withLog(PrintStream value) {
            return new Options(dataset, models, k, negatives, seed, excludeSeen, progress, value, trainingSeeds);
        }
    }

    /**
     * One trained model of a family: a setting with one training seed.
     *
     * @param options            the setting as the family lists it (trained with {@code seed}, whatever its own)
     * @param seed               the training seed
     * @param validationNdcg     its best validation NDCG@10 (full ranking)
     * @param keptEpoch          the epoch whose parameters were kept
     * @param epochsRun          epochs run before stopping
     * @param trainSeconds       wall-clock seconds of training (validation included)
     * @param sequencesPerSecond training windows (of up to {@code maxLength} events) per second of training steps
     */
    public record Trial(SequenceOptions options, long seed, double validationNdcg, int keptEpoch, int epochsRun,
                        double trainSeconds, double sequencesPerSecond) {
    }

    /**
     * The test of one model: the chosen setting trained with one seed (popularity: one run, seed 0).
     *
     * @param seed         the training seed
     * @param full         full-ranking result on the test events
     * @param sampled      sampled-negatives result on the test events
     * @param fullRanks    per test user (in {@link Result#users()} order), the held-out item's 0-based position in
     *                     the model's full-ranking top K, -1 when outside it (for {@link PairedBootstrap})
     * @param sampledRanks the same among the sampled candidates
     */
    public record SeedRun(long seed, RankingResult full, RankingResult sampled, int[] fullRanks, int[] sampledRanks) {
    }

    /**
     * One model family's outcome.
     *
     * @param name      display name
     * @param chosen    the setting tested (null for popularity)
     * @param trials    every model trained, setting by setting and seed by seed, in order (empty for popularity)
     * @param tests     the chosen setting's test, one per training seed (popularity: one)
     * @param attention for a Transformer, what the chosen setting's first model attends to over the first test
     *                  user's input (the user {@code users().get(0)} of the result) when predicting the test event;
     *                  else null
     */
    public record ModelRun(String name, SequenceOptions chosen, List<Trial> trials, List<SeedRun> tests,
                           AttentionWeights attention) {
        /** Copies the lists. */
        public ModelRun {
            trials = List.copyOf(trials);
            tests = List.copyOf(tests);
            if (tests.isEmpty()) {
                throw new IllegalArgumentException("a model run needs at least one test");
            }
        }

        /** The trials of the chosen setting, one per seed (empty for popularity). */
        public List<Trial> chosenTrials() {
            return trials.stream().filter(t -> t.options().equals(chosen)).toList();
        }

        /** The chosen setting's mean validation NDCG@10 over its seeds (NaN for popularity). */
        public double validationNdcg() {
            return chosenTrials().stream().mapToDouble(Trial::validationNdcg).average().orElse(Double.NaN);
        }

        /** Seconds spent training the chosen setting, all seeds (0 for popularity). */
        public double trainSeconds() {
            return chosenTrials().stream().mapToDouble(Trial::trainSeconds).sum();
        }

        /** The mean over the seeds' tests of {@code metric}@{@code k}, under sampled negatives or full ranking. */
        public double mean(boolean sampled, RankingMetric metric, int k) {
            return tests.stream().mapToDouble(t -> (sampled ? t.sampled() : t.full()).mean(metric, k)).average()
                    .orElseThrow();
        }

        /** The sample standard deviation over the seeds' tests of {@code metric}@{@code k} (0 with one seed). */
        public double spread(boolean sampled, RankingMetric metric, int k) {
            double m = mean(sampled, metric, k);
            double ss = tests.stream().mapToDouble(t -> (sampled ? t.sampled() : t.full()).mean(metric, k) - m)
                    .map(d -> d * d).sum();
            return tests.size() < 2 ? 0 : Math.sqrt(ss / (tests.size() - 1));
        }

        /**
         * Per test user, the value of {@code metric} (HIT_RATE or NDCG, see {@link PairedBootstrap#value}) averaged
         * over the seeds' models: what the paired bootstrap compares.
         */
        public double[] perUser(boolean sampled, RankingMetric metric) {
            double[] v = new double[tests.get(0).fullRanks().length];
            for (SeedRun t : tests) {
                int[] ranks = sampled ? t.sampledRanks() : t.fullRanks();
                for (int u = 0; u < v.length; u++) {
                    v[u] += PairedBootstrap.value(metric, ranks[u]) / tests.size();
                }
            }
            return v;
        }
    }
    /**
     * Everything the evaluation measured.
     *
     * @param full       HR@K, NDCG@K and MRR@K under full ranking, with the protocol
     * @param sampled    the same under sampled negatives, with the protocol
     * @param runs       per model: chosen setting, trials and results
     * @param testUsers  users evaluated
     * @param trainEvents events in the training part
     * @param seconds    wall-clock seconds of the whole evaluation
     * @param users      the ids of the evaluated users, in the order of {@link ModelRun#fullRanks()}
     */
    public record Result(MetricsReport full, MetricsReport sampled, List<ModelRun> runs, int testUsers,
                         int trainEvents, double seconds, List<String> users) {
        /** Copies the runs and users. */
        public Result {
            runs = List.copyOf(runs);
            users = List.copyOf(users);
        }

        /** The run of model {@code name}. */
        public ModelRun run(String name) {
            return runs.stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no model named '" + name + "'"));
        }

        /**
         * Both tables, then one line per model on the chosen setting (its validation NDCG@10, per seed when there are
         * several, with the test's spread over the seeds) and its training speed, then {@link #compare}.
         */
        public String describe() {
            StringBuilder s = new StringBuilder(full.toTable()).append('\n').append(sampled.toTable()).append('\n');
            int k = full.protocol().ks().get(0);
            for (ModelRun r : runs) {
                if (r.chosen() == null) {
                    continue;
                }
                List<Trial> ts = r.chosenTrials();
                s.append(String.format(Locale.ROOT, "%s: %s; validation NDCG@10 %.4f", r.name(),
                        r.chosen().describe(), r.validationNdcg()));
                if (ts.size() == 1) {
                    s.append(String.format(Locale.ROOT, " (epoch %d of %d)", ts.get(0).keptEpoch(),
                            ts.get(0).epochsRun()));
                } else {
                    s.append(" (mean of seeds");
                    for (Trial t : ts) {
                        s.append(String.format(Locale.ROOT, " %d: %.4f, epoch %d of %d;", t.seed(), t.validationNdcg(),
                                t.keptEpoch(), t.epochsRun()));
                    }
                    s.setLength(s.length() - 1);
                    s.append(String.format(Locale.ROOT, "); test over %d seeds, mean +- sd: full HR@%d %.4f +- %.4f, "
                                    + "sampled HR@%d %.4f +- %.4f", ts.size(), k, r.mean(false, RankingMetric.HIT_RATE, k),
                            r.spread(false, RankingMetric.HIT_RATE, k), k, r.mean(true, RankingMetric.HIT_RATE, k),
                            r.spread(true, RankingMetric.HIT_RATE, k)));
                }
                s.append(String.format(Locale.ROOT, ", %.1f s, %.0f sequences/s%n", r.trainSeconds(),
                        ts.stream().mapToDouble(Trial::sequencesPerSecond).average().orElse(0)));
            }
            s.append(compare(2000, 42));
            return s.append(String.format(Locale.ROOT, "%d test users, %d training events, %.1f s%n", testUsers,
                    trainEvents, seconds)).toString();
        }

        /**
         * For every pair of models (the later one minus the earlier), the paired-bootstrap 95 % interval of the
         * difference in HR@K and NDCG@K under both protocols, one line per pair; a model tested with several seeds
         * enters with each user's value averaged over its seeds ({@link ModelRun#perUser}).
         */
        public String compare(int draws, long seed) {
            int k = full.protocol().ks().get(0);
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "paired bootstrap over the %d test users "
                    + "(%d draws, 95 %% interval of the difference of means):%n", testUsers, draws));
            for (int b = 0; b < runs.size(); b++) {
                for (int a = b + 1; a < runs.size(); a++) {
                    ModelRun x = runs.get(a);
                    ModelRun y = runs.get(b);
                    s.append(String.format(Locale.ROOT, "  %s - %s: full HR@%d %s, NDCG@%d %s; sampled HR@%d %s, "
                                    + "NDCG@%d %s%n", x.name(), y.name(),
                            k, difference(x, y, false, RankingMetric.HIT_RATE, draws, seed),
                            k, difference(x, y, false, RankingMetric.NDCG, draws, seed),
                            k, difference(x, y, true, RankingMetric.HIT_RATE, draws, seed),
                            k, difference(x, y, true, RankingMetric.NDCG, draws, seed)));
                }
            }
            return s.toString();
        }

        /** The paired-bootstrap interval of {@code a - b} in {@code metric} under one protocol. */
        public PairedBootstrap.Interval difference(ModelRun a, ModelRun b, boolean sampledProtocol,
                                                   RankingMetric metric, int draws, long seed) {
            return PairedBootstrap.of(a.perUser(sampledProtocol, metric), b.perUser(sampledProtocol, metric), draws,
                    seed);
        }
    }

    /** Runs the evaluation on {@code log} (every event, whatever its type, is one step of its user's sequence). */
    public static Result run(Interactions log, Options options) {
        long started = System.nanoTime();
        LeaveLastOut split = LeaveLastOut.of(1).withValidation(1);
        SplitResult parts = split.apply(log);
        Interactions history = LeaveLastOut.of(1).apply(log).train(); // train + validation of evaluated users
        NextItemQueries test = NextItemQueries.of(history, parts.test());
        if (test.size() == 0) {
            throw new IllegalArgumentException("no user has three or more events: nothing to evaluate");
        }
        int numItems = log.numItems();
        int k = options.k();
        int[][] sampled = sampleNegatives(log, test, options.negatives(), options.seed());
        int[][] unseen = options.excludeSeen() ? unseen(test, numItems) : null;
        EvaluationProtocol full = new EvaluationProtocol(options.dataset(), split.describe(), Ordering.TEMPORAL,
                new CandidateMode.Full(), options.excludeSeen(), List.of(k), options.seed());
        EvaluationProtocol sampledProtocol = full.withCandidates(new CandidateMode.SampledUniform(options.negatives()))
                .withExcludeSeen(true);
        List<ModelRun> runs = new ArrayList<>();

        float[] counts = new float[numItems];
        for (int r = 0; r < history.size(); r++) {
            counts[history.item(r)]++;
        }
        RankingAccumulator popFull = new RankingAccumulator(numItems, k);
        RankingAccumulator popSampled = new RankingAccumulator(numItems, k);
        int[] popFullRanks = new int[test.size()];
        int[] popSampledRanks = new int[test.size()];
        for (int q = 0; q < test.size(); q++) {
            int target = test.targets()[q];
            int[] top = unseen == null ? TopItems.of(counts, 0, numItems, k, target)
                    : TopItems.among(counts, 0, unseen[q], k, target);
            popFull.add(top, new int[] {target});
            popFullRanks[q] = RankingRun.position(top, target);
            int[] topSampled = TopItems.among(counts, 0, sampled[q], k, target);
            popSampled.add(topSampled, new int[] {target});
            popSampledRanks[q] = RankingRun.position(topSampled, target);
        }
        runs.add(new ModelRun("popularity", null, List.of(), List.of(new SeedRun(0, popFull.result(),
                popSampled.result(), popFullRanks, popSampledRanks)), null));
        print(options, String.format(Locale.ROOT, "popularity: HR@%d %.4f full, %.4f sampled", k,
                popFull.result().mean(RankingMetric.HIT_RATE, k), popSampled.result().mean(RankingMetric.HIT_RATE, k)));

        for (Map.Entry<String, List<SequenceOptions>> family : options.models().entrySet()) {
            runs.add(runFamily(family.getKey(), family.getValue(), parts, test, unseen, sampled, numItems, options));
        }

        MetricsReport.Builder fullReport = MetricsReport.builder("next item, leave-last-out by time", full);
        MetricsReport.Builder sampledReport = MetricsReport.builder("next item, leave-last-out by time",
                sampledProtocol);
        for (ModelRun r : runs) {
            fullReport.row(rowName(r), values(r, false, k), counts(r));
            sampledReport.row(rowName(r), values(r, true, k), counts(r));
        }
        List<String> users = new ArrayList<>(test.size());
        for (int u : test.users()) {
            users.add(log.users().id(u));
        }
        return new Result(fullReport.build(), sampledReport.build(), runs, test.size(), parts.train().size(),
                (System.nanoTime() - started) / 1e9, users);
    }

    /** Family and chosen setting, with the seeds when the figures are a mean over several. */
    private static String rowName(ModelRun r) {
        if (r.chosen() == null) {
            return r.name();
        }
        String seeds = r.tests().size() < 2 ? "" : ", mean of seeds " + String.join("/",
                r.tests().stream().map(t -> Long.toString(t.seed())).toList());
        return r.name() + " (" + r.chosen().describe() + seeds + ")";
    }

    private static ModelRun runFamily(String name, List<SequenceOptions> settings, SplitResult parts,
                                      NextItemQueries test, int[][] unseen, int[][] sampled, int numItems,
                                      Options options) {
        List<Trial> trials = new ArrayList<>();
        List<SequenceModel> best = new ArrayList<>();
        SequenceOptions chosen = null;
        double bestMean = Double.NEGATIVE_INFINITY;
        try {
            for (SequenceOptions s : settings) {
                List<Long> seeds = options.trainingSeeds().isEmpty() ? List.of(s.training().seed())
                        : options.trainingSeeds();
                List<SequenceModel> models = new ArrayList<>();
                double sum = 0;
                try {
                    for (long seed : seeds) {
                        long t0 = System.nanoTime();
                        models.add(NextItem.fit(parts.train(), parts.validation(),
                                s.withTraining(s.training().withSeed(seed).withProgress(options.progress()))));
                        var t = models.get(models.size() - 1).training().orElseThrow();
                        Trial trial = new Trial(s, seed, t.bestMetric().orElse(Double.NaN), t.bestEpoch(),
                                t.epochs().size(), (System.nanoTime() - t0) / 1e9, t.rowsPerSecond());
                        trials.add(trial);
                        sum += trial.validationNdcg();
                        print(options, String.format(Locale.ROOT, "%s [%s] seed %d: validation NDCG@10 %.4f, epoch %d "
                                        + "of %d, %.1f s, %.0f sequences/s", name, s.describe(), seed,
                                trial.validationNdcg(), trial.keptEpoch(), trial.epochsRun(), trial.trainSeconds(),
                                trial.sequencesPerSecond()));
                    }
                } catch (RuntimeException e) {
                    models.forEach(SequenceModel::close);
                    throw e;
                }
                double mean = sum / seeds.size();
                if (chosen == null || mean > bestMean) {
                    best.forEach(SequenceModel::close);
                    best = models;
                    chosen = s;
                    bestMean = mean;
                } else {
                    models.forEach(SequenceModel::close);
                }
            }
            int k = options.k();
            List<SeedRun> tests = new ArrayList<>();
            for (int i = 0; i < best.size(); i++) {
                SequenceModel m = best.get(i);
                SequenceBatches rows = SequenceBatches.lastEvents(m.rows(test.histories()), null);
                RankingAccumulator full = new RankingAccumulator(numItems, k);
                RankingAccumulator samp = new RankingAccumulator(numItems, k);
                int[] fullRanks = new int[test.size()];
                int[] sampledRanks = new int[test.size()];
                RankingRun.rank(m.network(), rows, test.targets(), unseen, numItems, k, full, fullRanks);
                RankingRun.rank(m.network(), rows, test.targets(), sampled, numItems, k, samp, sampledRanks);
                tests.add(new SeedRun(m.options().training().seed(), full.result(), samp.result(), fullRanks,
                        sampledRanks));
            }
            ModelRun run = new ModelRun(name, chosen, trials, tests,
                    best.get(0).architecture().encoder() == EncoderKind.TRANSFORMER
                            ? best.get(0).attention(test.histories(), 0) : null);
            print(options, String.format(Locale.ROOT, "%s: chose [%s] (mean validation NDCG@10 %.4f over %d seed%s); "
                            + "test HR@%d %.4f full, %.4f sampled", name, chosen.describe(), bestMean, tests.size(),
                    tests.size() == 1 ? "" : "s", k, run.mean(false, RankingMetric.HIT_RATE, k),
                    run.mean(true, RankingMetric.HIT_RATE, k)));
            return run;
        } finally {
            best.forEach(SequenceModel::close);
        }
    }

    /** Per test user: the held-out item followed by up to {@code n} distinct items the user never interacted with. */
    static int[][] sampleNegatives(Interactions log, NextItemQueries test, int n, long seed) {
        int numItems = log.numItems();
        UserHistories all = log.byUser();
        SplittableRandom random = new SplittableRandom(seed);
        BitSet excluded = new BitSet(numItems);
        int[][] out = new int[test.size()][];
        for (int q = 0; q < test.size(); q++) {
            int u = test.users()[q];
            excluded.clear();
            for (int p = all.start(u); p < all.end(u); p++) {
                excluded.set(log.item(all.row(p)));
            }
            int eligible = numItems - excluded.cardinality();
            int want = Math.min(n, eligible);
            int[] c = new int[1 + want];
            c[0] = test.targets()[q];
            int got = 0;
            if (want * 2 <= eligible) {
                while (got < want) {
                    int i = random.nextInt(numItems);
                    if (!excluded.get(i)) {
                        excluded.set(i);
                        c[1 + got++] = i;
                    }
                }
            } else { // dense: a partial shuffle of the eligible items
                int[] pool = new int[eligible];
                int e = 0;
                for (int i = excluded.nextClearBit(0); i < numItems; i = excluded.nextClearBit(i + 1)) {
                    pool[e++] = i;
                }
                for (int j = 0; j < want; j++) {
                    int pick = j + random.nextInt(eligible - j);
                    int t = pool[j];
                    pool[j] = pool[pick];
                    pool[pick] = t;
                    c[1 + j] = pool[j];
                }
            }
            out[q] = c;
        }
        return out;
    }

    /** Per test user: every item outside their history, plus the held-out item. */
    private static int[][] unseen(NextItemQueries test, int numItems) {
        int[][] out = new int[test.size()][];
        BitSet seen = new BitSet(numItems);
        for (int q = 0; q < test.size(); q++) {
            seen.clear();
            for (int code : test.histories().items()[q]) {
                seen.set(code);
            }
            seen.clear(test.targets()[q]);
            int[] c = new int[numItems - seen.cardinality()];
            int n = 0;
            for (int i = seen.nextClearBit(0); i < numItems; i = seen.nextClearBit(i + 1)) {
                c[n++] = i;
            }
            out[q] = Arrays.copyOf(c, n);
        }
        return out;
    }

    /** HR, NDCG and MRR at {@code k}, each the mean over the run's seeds. */
    private static Map<String, Double> values(ModelRun r, boolean sampled, int k) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (RankingMetric m : new RankingMetric[] {RankingMetric.HIT_RATE, RankingMetric.NDCG, RankingMetric.MRR}) {
            v.put(m.label(k), r.mean(sampled, m, k));
        }
        return v;
    }

    private static Map<String, Long> counts(ModelRun r) {
        return Map.of("users", r.tests().get(0).full().usersEvaluated());
    }

    private static void print(Options options, String line) {
        if (options.log() != null) {
            options.log().println(line);
        }
    }
}
