package ai.behavior.spark;

import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.metric.RankingMetric;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.FoldedUser;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.eval.TopNEvaluator;
import ai.behavior.recsys.eval.TopNResult;
import ai.behavior.recsys.mf.BiasedMf;
import ai.behavior.recsys.mf.RatingRange;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkAlsTrainerTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    @Test
    void implicitSparkAlsConvertsExactlyAndRanksAsWellAsOurs() throws IOException {
        Interactions train = Shop.SPLIT.train();
        IndexedFrame events = SparkIds.index(Shop.frame(spark, train), "user", "item", train.users(),
                train.items());
        SparkAlsTrainer.Fitted<ImplicitAls> fit = SparkAlsTrainer.fitImplicit(events, null,
                SparkAlsOptions.implicit(16, 10).withRegParam(0.1).withAlpha(2).withBlocks(4, 4));
        ImplicitAls converted = fit.model();

        // exact conversion: every score is the dot product of Spark's own factor rows
        List<Row> userRows = fit.spark().userFactors().collectAsList();
        List<Row> itemRows = fit.spark().itemFactors().collectAsList();
        float[][] items = new float[train.numItems()][];
        for (Row r : itemRows) {
            items[r.getInt(0)] = floats(r.getList(1));
        }
        int checked = 0;
        for (Row r : userRows.subList(0, 50)) {
            float[] x = floats(r.getList(1));
            for (int i = 0; i < items.length; i += 7) {
                if (items[i] == null) {
                    continue;
                }
                double dot = 0;
                for (int k = 0; k < x.length; k++) {
                    dot += (double) x[k] * items[i][k];
                }
                assertEquals(dot, converted.score(r.getInt(0), i), 1e-5 * (1 + Math.abs(dot)));
                checked++;
            }
        }
        assertTrue(checked > 1000, "checked " + checked + " pairs");
        assertEquals(train.activeUsers(), userRows.size());

        // serving, evaluation and save / load are our code: compare with our ALS on the same split
        Recommender spark = recommender(converted, train);
        ImplicitAls oursModel = ImplicitAls.fit(train, ImplicitAls.Options.defaults().withFactors(16)
                .withIterations(10).withThreads(2));
        Recommender ours = recommender(oursModel, train);
        Recommender popularity = recommender(null, train);
        EvaluationProtocol p = EvaluationProtocol.fullRanking(Shop.SPLIT.describe(), 10).withDataset("synthetic shop");
        double sparkNdcg = ndcg(spark, p);
        double oursNdcg = ndcg(ours, p);
        double popNdcg = ndcg(popularity, p);
        // measured here: Spark 0.0868, ours 0.0791, popularity 0.0197. Stated tolerance: Spark's NDCG@10 within
        // 25% of ours (the two use different regularisation scales and solvers), both well above popularity
        assertTrue(Math.abs(sparkNdcg - oursNdcg) <= 0.25 * oursNdcg, sparkNdcg + " vs " + oursNdcg);
        assertTrue(sparkNdcg > 2 * popNdcg && oursNdcg > 2 * popNdcg, sparkNdcg + ", " + oursNdcg + ", " + popNdcg);

        converted.save(dir.resolve("als"));
        ImplicitAls back = ImplicitAls.load(dir.resolve("als"));
        assertEquals(converted.score(3, 5), back.score(3, 5));
        FoldedUser folded = back.foldIn(new int[] {1, 2, 3}, new float[] {1, 1, 2});
        assertEquals(5, back.recommend(folded, 5).size());
        fit.spark().userFactors().unpersist();
    }

    @Test
    void explicitSparkAlsBecomesABiasedMfPredictingSparksNumbers() {
        // planted ratings: 120 users x 80 items, ~30% observed, r = clip(3 + 2 * (a_u * b_i), 1, 5)
        SplittableRandom rnd = new SplittableRandom(3);
        double[] a = rnd.doubles(120, -1, 1).toArray();
        double[] b = rnd.doubles(80, -1, 1).toArray();
        List<Row> rows = new ArrayList<>();
        for (int u = 0; u < a.length; u++) {
            for (int i = 0; i < b.length; i++) {
                if (rnd.nextDouble() < 0.3) {
                    rows.add(RowFactory.create("u" + u, "i" + i, (float) Math.max(1, Math.min(5, 3 + 2 * a[u] * b[i]))));
                }
            }
        }
        StructType schema = new StructType().add("user", DataTypes.StringType).add("item", DataTypes.StringType)
                .add("stars", DataTypes.FloatType);
        Dataset<Row> frame = spark.createDataFrame(rows, schema).repartition(3);
        IndexedFrame ratings = SparkIds.index(frame, "user", "item");
        SparkAlsTrainer.Fitted<BiasedMf> fit = SparkAlsTrainer.fitExplicit(ratings, "stars",
                SparkAlsOptions.explicit(4, 8).withBlocks(2, 2), new RatingRange(1, 5));
        BiasedMf mf = fit.model();
        List<Row> predicted = fit.spark().transform(ratings.frame().select(
                ratings.frame().col(SparkIds.USER_INDEX).as("user"), ratings.frame().col(SparkIds.ITEM_INDEX).as("item")))
                .select("user", "item", "prediction").collectAsList();
        assertEquals(rows.size(), predicted.size());
        for (Row r : predicted) {
            float sparkPrediction = r.getFloat(2);
            // Spark's transform is the float dot product; ours sums in double, unclipped as a score
            assertEquals(sparkPrediction, mf.score(r.getInt(0), r.getInt(1)), 1e-5 * (1 + Math.abs(sparkPrediction)));
        }
        assertEquals(ratings.users().size(), mf.users().size());
        assertThrows(IllegalArgumentException.class, () -> SparkAlsTrainer.fitExplicit(ratings, "stars",
                SparkAlsOptions.implicit(4, 2), new RatingRange(1, 5)));
        assertFalse(mf.toString().isEmpty());
    }

    private static float[] floats(List<Float> list) {
        float[] out = new float[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = list.get(k);
        }
        return out;
    }

    private static Recommender recommender(ai.behavior.recsys.ItemScorer model, Interactions train) {
        Popularity pop = Popularity.fit(train, Popularity.Options.defaults());
        return new Recommender(model == null ? pop : model, UserItemMatrix.of(train, Weighting.counts()), pop);
    }

    private static double ndcg(Recommender r, EvaluationProtocol p) {
        TopNResult result = TopNEvaluator.evaluate(r, Shop.SPLIT.train(), Shop.SPLIT.test(), p,
                TopNEvaluator.Options.defaults().withThreads(2));
        return result.ranking().mean(RankingMetric.NDCG, 10);
    }

    /** A null or NaN value is an error naming the column and the value, for both kinds, before any training. */
    @Test
    void nullOrNanValuesFailNamingTheColumn() {
        StructType schema = new StructType().add("user", DataTypes.StringType).add("item", DataTypes.StringType)
                .add("stars", DataTypes.FloatType);
        for (Float bad : new Float[] {null, Float.NaN}) {
            List<Row> rows = List.of(RowFactory.create("u1", "i1", 4f), RowFactory.create("u2", "i1", bad),
                    RowFactory.create("u2", "i2", 3f));
            IndexedFrame ratings = SparkIds.index(spark.createDataFrame(rows, schema), "user", "item");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SparkAlsTrainer.fitImplicit(ratings, "stars", SparkAlsOptions.implicit(2, 1)));
            assertEquals("column 'stars' holds " + bad + "; ALS values must be finite numbers", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> SparkAlsTrainer.fitExplicit(ratings, "stars",
                    SparkAlsOptions.explicit(2, 1), new RatingRange(1, 5)));
        }
    }
}
