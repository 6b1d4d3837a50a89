package ai.behavior.recsys.mf;

import ai.behavior.modelfile.ModelFileException;
import ai.behavior.progress.ProgressListener;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.nio.file.Path;

/**
 * The options of a saved {@link BiasedMf} as manifest JSON: every hyperparameter, the clip range and the
 * declared scale; early stopping only as a note (its validation data is not saved) and never the listener.
 */
final class OptionsJson {
    private OptionsJson() {
    }

    static JsonObject write(MfOptions o) {
        JsonObject j = new JsonObject();
        j.addProperty("solver", o.solver());
        j.addProperty("factors", o.factors());
        j.addProperty("epochs", o.epochs());
        if (o instanceof SgdOptions s) {
            j.addProperty("learningRate", s.learningRate());
            j.addProperty("regularization", s.regularization());
            j.addProperty("biasLearningRate", s.biasLearningRate());
            j.addProperty("biasRegularization", s.biasRegularization());
            j.addProperty("initMean", s.initMean());
            j.addProperty("initStdDev", s.initStdDev());
            j.addProperty("order", s.order().name());
        } else if (o instanceof AlsOptions a) {
            j.addProperty("regularization", a.regularization());
            j.addProperty("biasRegularization", a.biasRegularization());
            j.addProperty("weightedRegularization", a.weightedRegularization());
            j.addProperty("initStdDev", a.initStdDev());
        }
        j.addProperty("seed", o.seed());
        j.add("clip", range(o.clip()));
        j.add("ratingScale", range(o.ratingScale()));
        if (o.earlyStopping() != null) {
            JsonObject e = new JsonObject();
            e.addProperty("patience", o.earlyStopping().patience());
            e.addProperty("restoreBest", o.earlyStopping().restoreBest());
            j.add("earlyStoppingUsed", e);
        }
        return j;
    }

    static MfOptions read(JsonElement json, Path where) throws ModelFileException {
        try {
            JsonObject j = json.getAsJsonObject();
            String solver = j.get("solver").getAsString();
            int factors = j.get("factors").getAsInt();
            int epochs = j.get("epochs").getAsInt();
            long seed = j.get("seed").getAsLong();
            RatingRange clip = range(j.get("clip"));
            RatingRange scale = range(j.get("ratingScale"));
            double reg = j.get("regularization").getAsDouble();
            double biasReg = j.get("biasRegularization").getAsDouble();
            double initStdDev = j.get("initStdDev").getAsDouble();
            return switch (solver) {
                case "sgd" -> new SgdOptions(factors, epochs, j.get("learningRate").getAsDouble(), reg,
                        j.get("biasLearningRate").getAsDouble(), biasReg, j.get("initMean").getAsDouble(),
                        initStdDev, SgdOptions.Order.valueOf(j.get("order").getAsString()), seed, clip, scale, null,
                        ProgressListener.quiet());
                case "als" -> new AlsOptions(factors, epochs, reg, biasReg,
                        j.get("weightedRegularization").getAsBoolean(), initStdDev, seed, clip, scale, null,
                        ProgressListener.quiet());
                default -> throw new ModelFileException(where + ": unknown solver '" + solver + "' in the options");
            };
        } catch (RuntimeException e) { // missing field, wrong type, invalid value
            throw new ModelFileException(where + ": the options in the manifest are not valid biased-mf options: "
                    + e);
        }
    }

    private static JsonElement range(RatingRange r) {
        if (r == null) {
            return JsonNull.INSTANCE;
        }
        JsonArray a = new JsonArray();
        a.add(r.min());
        a.add(r.max());
        return a;
    }

    private static RatingRange range(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        JsonArray a = e.getAsJsonArray();
        if (a.size() != 2) {
            throw new IllegalArgumentException("a range needs two numbers, got " + a);
        }
        return new RatingRange(a.get(0).getAsDouble(), a.get(1).getAsDouble());
    }
}
