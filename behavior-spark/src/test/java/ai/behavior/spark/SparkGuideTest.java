package ai.behavior.spark;

import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.io.ReadPolicy;
import ai.behavior.io.TimestampFormat;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.RecommendOptions;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
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
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The walk-through of docs/spark.md, run on the synthetic shop (its java lines are checked against this file). */
class SparkGuideTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    @Test
    void theGuideRuns() throws IOException {
        Interactions train = Shop.SPLIT.train();
        Dataset<Row> events = Shop.frame(spark, train);
        // --- docs/spark.md: events and ids
        EventColumns columns = EventColumns.of("user", "item").withEventType("type")
                .withTimestamp("ts", TimestampFormat.EPOCH_MILLIS).withValue("value");
        SparkEvents.Result read = SparkEvents.toInteractions(events, columns, ReadPolicy.SKIP);
        System.out.println(read.report());
        IndexedFrame indexed = SparkIds.index(events, "user", "item", train.users(), train.items());
        // --- docs/spark.md: ALS
        SparkAlsTrainer.Fitted<ImplicitAls> fit = SparkAlsTrainer.fitImplicit(indexed, null,
                SparkAlsOptions.implicit(8, 3).withBlocks(2, 2));
        Recommender rec = new Recommender(fit.model(), UserItemMatrix.of(train, Weighting.counts()),
                Popularity.fit(train, Popularity.Options.defaults()));
        fit.model().save(dir.resolve("spark-als"));
        // --- end of the guide's lines
        assertEquals(train.size(), read.events().size());
        assertEquals(0, read.report().skipped());
        assertEquals(10, rec.recommend(0, 10, RecommendOptions.defaults()).length);

        // lists for the ranking snippet: the user's top 10 and their held-out items
        Interactions test = Shop.SPLIT.test();
        List<List<Integer>> truth = new ArrayList<>();
        for (int u = 0; u < train.numUsers(); u++) {
            truth.add(new ArrayList<>());
        }
        for (int r = 0; r < test.size(); r++) {
            truth.get(test.user(r)).add(test.item(r));
        }
        List<Row> rows = new ArrayList<>();
        for (int u = 0; u < train.numUsers(); u++) {
            int[] top = rec.recommend(u, 10, RecommendOptions.defaults());
            rows.add(RowFactory.create(Arrays.stream(top).boxed().toList(), truth.get(u)));
        }
        StructType schema = new StructType().add("ranked", DataTypes.createArrayType(DataTypes.IntegerType))
                .add("truth", DataTypes.createArrayType(DataTypes.IntegerType));
        Dataset<Row> lists = spark.createDataFrame(rows, schema).repartition(4);
        // --- docs/spark.md: evaluation
        EvaluationProtocol protocol = EvaluationProtocol.fullRanking(Shop.SPLIT.describe(), 10);
        SparkRankingResult ranking = SparkRanking.evaluate(lists, "ranked", "truth", train.numItems(), protocol);
        System.out.println(ranking.toReport("implicit ALS on Spark", "spark-als").toTable());
        // --- end
        assertTrue(ranking.value("recall@10") > 0, ranking.values().toString());
    }
}
