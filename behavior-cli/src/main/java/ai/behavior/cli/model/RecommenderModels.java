package ai.behavior.cli.model;

import ai.behavior.cli.config.ConfigException;
import ai.behavior.cli.config.ModelKind;
import ai.behavior.cli.config.OptionsBinder;
import ai.behavior.data.Interactions;
import ai.behavior.progress.ProgressListener;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.RecommenderFiles;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.bpr.Bpr;
import ai.behavior.recsys.knn.ItemKnn;
import ai.behavior.recsys.mf.AlsOptions;
import ai.behavior.recsys.mf.BiasedMf;
import ai.behavior.recsys.mf.MfOptions;
import ai.behavior.recsys.mf.SgdOptions;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fits, saves and loads the recommender kinds of {@link ModelKind} from a configuration's options.
 *
 * <pre>{@code
 * ItemScorer model = RecommenderModels.fit(ModelKind.IMPLICIT_ALS, train, options, context, ProgressListener.quiet());
 * RecommenderModels.save(ModelKind.IMPLICIT_ALS, model, dir);
 * ItemScorer again = RecommenderModels.load(ModelKind.IMPLICIT_ALS, dir);
 * }</pre>
 *
 * <p>{@code biased-mf} takes one key besides its options' with-ers: {@code "solver"}, {@code "sgd"} (default,
 * {@link SgdOptions}) or {@code "als"} ({@link AlsOptions}); it learns from the RATING events only.
 */
public final class RecommenderModels {
    private static final Set<String> HIDDEN = Set.of("progress");

    private RecommenderModels() {
    }

    /**
     * Fits a model of {@code kind} on {@code train}.
     *
     * @throws ConfigException for an option the model does not have or rejects
     */
    public static ItemScorer fit(ModelKind kind, Interactions train, JsonObject options, OptionsBinder.Context context,
                                 ProgressListener progress) {
        Object o = bindOptions(kind, options, context, progress);
        if (o instanceof ImplicitAls.Options a) {
            return ImplicitAls.fit(train, a);
        }
        if (o instanceof Bpr.Options b) {
            return Bpr.fit(train, b);
        }
        if (o instanceof ItemKnn.Options k) {
            return ItemKnn.fit(train, k);
        }
        if (o instanceof Popularity.Options p) {
            return Popularity.fit(train, p);
        }
        return BiasedMf.fit(train, (MfOptions) o);
    }

    /**
     * The options record of {@code kind} with the configuration's options applied (and {@code progress}), without
     * fitting anything: {@code ImplicitAls.Options}, {@code Bpr.Options}, {@code ItemKnn.Options},
     * {@code Popularity.Options} or an {@link MfOptions}.
     *
     * @throws ConfigException for an option the model does not have or rejects
     */
    public static Object bindOptions(ModelKind kind, JsonObject options, OptionsBinder.Context context,
                                     ProgressListener progress) {
        switch (kind) {
            case IMPLICIT_ALS:
                return OptionsBinder.bind(ImplicitAls.Options.defaults(), options, "options", context, HIDDEN)
                        .withProgress(progress);
            case BPR:
                return OptionsBinder.bind(Bpr.Options.defaults(), options, "options", context, HIDDEN)
                        .withProgress(progress);
            case ITEM_KNN:
                return OptionsBinder.bind(ItemKnn.Options.defaults(), options, "options", context, HIDDEN)
                        .withProgress(progress);
            case POPULARITY:
                return OptionsBinder.bind(Popularity.Options.defaults(), options, "options", context, HIDDEN);
            case BIASED_MF:
                return mfOptions(options, context, progress);
            default:
                throw new IllegalArgumentException(kind + " is not a recommender");
        }
    }

    private static MfOptions mfOptions(JsonObject options, OptionsBinder.Context context,
                                        ProgressListener progress) {
        JsonObject rest = options.deepCopy();
        JsonElement solver = rest.remove("solver");
        String name = solver == null ? "sgd" : solver.isJsonPrimitive() ? solver.getAsString().toLowerCase(Locale.ROOT)
                : "";
        try {
            if (name.equals("sgd")) {
                return OptionsBinder.bind(SgdOptions.defaults(), rest, "options", context, HIDDEN)
                        .withProgress(progress);
            }
            if (name.equals("als")) {
                return OptionsBinder.bind(AlsOptions.defaults(), rest, "options", context, HIDDEN)
                        .withProgress(progress);
            }
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage().replace("allowed keys: ", "allowed keys: solver, "));
        }
        throw new ConfigException(context.file() + ": 'options.solver' expects \"sgd\" or \"als\", got " + solver);
    }

    /** The option keys a configuration of {@code kind} may use. */
    public static List<String> allowedKeys(ModelKind kind) {
        switch (kind) {
            case IMPLICIT_ALS:
                return OptionsBinder.allowedKeys(ImplicitAls.Options.class, HIDDEN);
            case BPR:
                return OptionsBinder.allowedKeys(Bpr.Options.class, HIDDEN);
            case ITEM_KNN:
                return OptionsBinder.allowedKeys(ItemKnn.Options.class, HIDDEN);
            case POPULARITY:
                return OptionsBinder.allowedKeys(Popularity.Options.class, HIDDEN);
            case BIASED_MF:
                // the keys of either solver; binding then checks them against the chosen one
                java.util.TreeSet<String> both = new java.util.TreeSet<>(OptionsBinder.allowedKeys(SgdOptions.class,
                        HIDDEN));
                both.addAll(OptionsBinder.allowedKeys(AlsOptions.class, HIDDEN));
                List<String> keys = new ArrayList<>(List.of("solver"));
                keys.addAll(both);
                return keys;
            default:
                throw new IllegalArgumentException(kind + " is not a recommender");
        }
    }

    /** Saves {@code model} to {@code dir} in the SDK's model-file format. */
    public static void save(ModelKind kind, ItemScorer model, Path dir) throws IOException {
        RecommenderFiles.saveScorer(model, dir);
    }

    /**
     * Loads a model of {@code kind} from {@code dir}.
     *
     * @throws ai.behavior.modelfile.ModelFileException if the folder is not an intact model of that kind
     */
    public static ItemScorer load(ModelKind kind, Path dir) throws IOException {
        switch (kind) {
            case IMPLICIT_ALS:
                return ImplicitAls.load(dir);
            case BPR:
                return Bpr.load(dir);
            case ITEM_KNN:
                return ItemKnn.load(dir);
            case POPULARITY:
                return Popularity.load(dir);
            case BIASED_MF:
                return BiasedMf.load(dir);
            default:
                throw new IllegalArgumentException(kind + " is not a recommender");
        }
    }

    /** One line on how training went (iterations run, best epoch), or empty. */
    public static String trainingNote(ItemScorer model) {
        if (model instanceof ImplicitAls m) {
            return "iterations run: " + m.iterationsRun() + (m.options().earlyStopping() != null
                    ? ", best iteration: " + m.bestIteration() : "");
        }
        if (model instanceof Bpr m) {
            return "epochs run: " + m.epochsRun() + (m.options().earlyStopping() != null
                    ? ", best epoch: " + m.bestEpoch() : "");
        }
        if (model instanceof BiasedMf m) {
            return "solver: " + m.options().solver() + ", epochs trained: " + m.trainedEpochs();
        }
        if (model instanceof ItemKnn m) {
            return "neighbour pairs: " + m.numNeighbourPairs();
        }
        return "";
    }
}
