package ai.behavior.cli.model;

import ai.behavior.cli.config.ModelKind;
import ai.behavior.cli.config.OptionsBinder;
import ai.behavior.cli.config.PurchaseSpec;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.label.LabeledUsers;
import ai.behavior.feature.task.UserPurchaseTask;
import ai.behavior.linear.LogisticModel;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.linear.LogisticRegression;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.mlp.MlpOptions;
import ai.behavior.progress.ProgressListener;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Fits, saves and loads the purchase models: the task's default feature pipeline fitted on the training users,
 * then a logistic regression ({@link LogisticRegression}) or a tabular MLP ({@link Mlp}); the pipeline is saved
 * inside the model.
 *
 * <pre>{@code
 * PurchaseModels.Options o = PurchaseModels.Options.bind(kind, json, context);
 * PurchaseModels.Fitted f = PurchaseModels.fitAndSave(task, spec, o, dir, progress);
 * try (PurchasePredictor p = PurchaseModels.load(kind, dir)) { double[] prob = p.predict(frame); }
 * }</pre>
 */
public final class PurchaseModels {
    private PurchaseModels() {
    }

    /**
     * How the users were divided for training.
     *
     * @param split      the user split
     * @param train      users the model learned from (validation users excluded)
     * @param validation users the MLP validated on (null when none)
     */
    public record Fitted(LabeledUsers.Split split, LabeledUsers train, LabeledUsers validation) {
    }

    /** The option keys a configuration of {@code kind} may use. */
    public static java.util.List<String> allowedKeys(ModelKind kind) {
        if (kind == ModelKind.PURCHASE_LOGISTIC) {
            return OptionsBinder.allowedKeys(LogisticOptions.class, Set.of());
        }
        if (kind == ModelKind.PURCHASE_MLP) {
            return OptionsBinder.allowedKeys(MlpOptions.class, Set.of("progress", "task"));
        }
        throw new IllegalArgumentException(kind + " is not a purchase model");
    }

    /** The user split a spec makes of a task (stratified by label, seeded). */
    public static LabeledUsers.Split split(UserPurchaseTask task, PurchaseSpec spec) {
        return task.labels().split(spec.testShare(), spec.seed());
    }

    /**
     * The options of a purchase model, bound from a configuration before any data is read.
     *
     * @param kind     purchase-logistic or purchase-mlp
     * @param logistic the logistic options (purchase-logistic), else null
     * @param mlp      the MLP options (purchase-mlp), else null
     */
    public record Options(ModelKind kind, LogisticOptions logistic, MlpOptions mlp) {
        /**
         * Binds {@code json} for {@code kind}.
         *
         * @throws ai.behavior.cli.config.ConfigException for an option the model does not have or rejects
         */
        public static Options bind(ModelKind kind, JsonObject json, OptionsBinder.Context context) {
            if (kind == ModelKind.PURCHASE_LOGISTIC) {
                return new Options(kind, OptionsBinder.bind(LogisticOptions.defaults(), json, "options", context,
                        Set.of()), null);
            }
            if (kind == ModelKind.PURCHASE_MLP) {
                return new Options(kind, null, OptionsBinder.bind(MlpOptions.binary(), json, "options", context,
                        Set.of("progress", "task")));
            }
            throw new IllegalArgumentException(kind + " is not a purchase model");
        }
    }

    /** Fits on the task's training users and saves the model (with its pipeline) to {@code dir}. */
    public static Fitted fitAndSave(UserPurchaseTask task, PurchaseSpec spec, Options options, Path dir,
                                    ProgressListener progress) throws IOException {
        LabeledUsers.Split split = split(task, spec);
        LabeledUsers train = split.train();
        LabeledUsers validation = null;
        if (spec.validationShare() > 0) {
            LabeledUsers.Split inner = train.split(spec.validationShare(), spec.seed());
            train = inner.train();
            validation = inner.test();
        }
        FeatureFrame users = task.users();
        FeatureFrame trainFrame = users.select(train.rowsIn(users));
        Pipeline.Fit fit = task.defaultPipeline().fitTransform(trainFrame, FitContext.withLabels(train.labels()));
        if (options.logistic() != null) {
            LogisticRegression.fit(fit.training(), train.labels(), options.logistic(), fit.pipeline()).save(dir);
        } else {
            MlpOptions o = options.mlp().withTraining(options.mlp().training().withProgress(progress));
            FeatureMatrix valid = validation == null ? null
                    : fit.pipeline().transform(users.select(validation.rowsIn(users)));
            try (MlpModel m = Mlp.fit(fit.training(), train.labels(), valid,
                    validation == null ? null : validation.labels(), o, fit.pipeline())) {
                m.save(dir);
            }
        }
        return new Fitted(split, train, validation);
    }

    /**
     * Loads a purchase model of {@code kind} from {@code dir}.
     *
     * @throws ai.behavior.modelfile.ModelFileException if the folder is not an intact model of that kind
     */
    public static PurchasePredictor load(ModelKind kind, Path dir) throws IOException {
        if (kind == ModelKind.PURCHASE_LOGISTIC) {
            LogisticModel m = LogisticModel.load(dir);
            return new PurchasePredictor() {
                @Override
                public double[] predict(FeatureFrame frame) {
                    return m.predict(frame);
                }

                @Override
                public void close() {
                    // nothing native to free
                }
            };
        }
        if (kind == ModelKind.PURCHASE_MLP) {
            MlpModel m = MlpModel.load(dir);
            return new PurchasePredictor() {
                @Override
                public double[] predict(FeatureFrame frame) {
                    return m.predict(frame);
                }

                @Override
                public void close() {
                    m.close();
                }
            };
        }
        throw new IllegalArgumentException(kind + " is not a purchase model");
    }
}
