package ai.behavior.cli.config;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.mlp.MlpNorm;
import ai.behavior.models.mlp.MlpOptions;
import ai.behavior.models.train.OptimizerKind;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.knn.ItemKnn;
import ai.behavior.recsys.knn.Reweighting;
import ai.behavior.recsys.mf.RatingRange;
import ai.behavior.recsys.mf.SgdOptions;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The with-er binding of configuration options: each JSON key lands on the with-er of the same name. */
class OptionsBinderTest {
    private static final OptionsBinder.Context NO_VALIDATION = new OptionsBinder.Context(null, "c.json");

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void implicitAlsKeysSetTheirOptionsAndLeaveTheRestAtDefaults() {
        ImplicitAls.Options o = OptionsBinder.bind(ImplicitAls.Options.defaults(), json("{\"factors\": 8,"
                + " \"alpha\": 1.5, \"cgSteps\": 0, \"seed\": 9, \"weighting\": {\"view\": 1, \"purchase\": 5}}"),
                "options", NO_VALIDATION, Set.of("progress"));
        assertEquals(8, o.factors());
        assertEquals(1.5, o.alpha());
        assertEquals(0, o.cgSteps());
        assertEquals(9L, o.seed());
        assertEquals(Weighting.byType(Map.of(EventType.VIEW, 1f, EventType.PURCHASE, 5f)), o.weighting());
        assertEquals(ImplicitAls.Options.defaults().iterations(), o.iterations());
        assertEquals(ImplicitAls.Options.defaults().regularization(), o.regularization());
        assertNull(o.earlyStopping());
    }

    @Test
    void withErsNamedAfterTheirComponentVarargsNestedOptionsAndEnums() {
        LogisticOptions l = OptionsBinder.bind(LogisticOptions.defaults(), json("{\"l2\": 0.5, \"maxIterations\": 50}"),
                "options", NO_VALIDATION, Set.of());
        assertEquals(0.5, l.l2());
        assertEquals(50, l.maxIterations());

        MlpOptions m = OptionsBinder.bind(MlpOptions.binary(), json("{\"hidden\": [64, 32], \"norm\": \"batch\","
                + " \"training\": {\"epochs\": 5, \"optimizer\": \"adamw\", \"device\": \"cpu\"}}"), "options",
                NO_VALIDATION, Set.of("progress", "task"));
        assertEquals(List.of(64, 32), m.hidden());
        assertEquals(MlpNorm.BATCH, m.norm());
        assertEquals(5, m.training().epochs());
        assertEquals(OptimizerKind.ADAMW, m.training().optimizer());
        assertEquals(DevicePolicy.CPU, m.training().device());
        assertEquals(MlpOptions.binary().training().batchSize(), m.training().batchSize()); // untouched: default
    }

    @Test
    void severalArgumentWithErsTakeArraysAndSpecialForms() {
        SgdOptions s = OptionsBinder.bind(SgdOptions.defaults(), json("{\"clip\": [1, 5], \"init\": [0, 0.05]}"),
                "options", NO_VALIDATION, Set.of("progress"));
        assertEquals(new RatingRange(1, 5), s.clip());
        assertEquals(0.05, s.initStdDev());
        ItemKnn.Options k = OptionsBinder.bind(ItemKnn.Options.defaults(), json("{\"reweighting\": {\"bm25\":"
                + " {\"k1\": 2.0, \"b\": 0.5}}, \"shrink\": 10}"), "options", NO_VALIDATION, Set.of("progress"));
        assertEquals(Reweighting.bm25(2.0, 0.5), k.reweighting());
        assertEquals(10f, k.shrink());
        Popularity.Options p = OptionsBinder.bind(Popularity.Options.defaults(), json("{\"weighting\": \"ratings\","
                + " \"windowDays\": 1}"), "options", NO_VALIDATION, Set.of());
        assertEquals(Weighting.ratings(), p.weighting());
        assertEquals(86_400_000L, p.windowMillis()); // one day in milliseconds
    }

    @Test
    void earlyStoppingBindsToTheValidationEvents() {
        Interactions validation = Interactions.builder().add("u1", "i1", EventType.VIEW, 1L, 1f).build();
        ImplicitAls.Options o = OptionsBinder.bind(ImplicitAls.Options.defaults(),
                json("{\"earlyStopping\": {\"patience\": 4}}"), "options",
                new OptionsBinder.Context(validation, "c.json"), Set.of("progress"));
        assertEquals(4, o.earlyStopping().patience());
        assertEquals(10, o.earlyStopping().k()); // the documented default
        assertTrue(o.earlyStopping().validation() == validation);
    }

    @Test
    void allowedKeysAreTheWithErsMinusHiddenOnes() {
        assertEquals(List.of("weighting", "windowDays"), OptionsBinder.allowedKeys(Popularity.Options.class, Set.of()));
        assertEquals(List.of("l2", "maxIterations"), OptionsBinder.allowedKeys(LogisticOptions.class, Set.of()));
        assertTrue(!OptionsBinder.allowedKeys(ImplicitAls.Options.class, Set.of("progress")).contains("progress"));
    }

    @Test
    void badKeysAndValuesNameTheKey() {
        ConfigException hidden = assertThrows(ConfigException.class, () -> OptionsBinder.bind(
                ImplicitAls.Options.defaults(), json("{\"progress\": 1}"), "options", NO_VALIDATION,
                Set.of("progress")));
        assertTrue(hidden.getMessage().startsWith("c.json: unknown key 'options.progress'"), hidden.getMessage());
        ConfigException big = assertThrows(ConfigException.class, () -> OptionsBinder.bind(
                ImplicitAls.Options.defaults(), json("{\"factors\": 3000000000}"), "options", NO_VALIDATION,
                Set.of("progress")));
        assertTrue(big.getMessage().contains("'options.factors' is out of the int range"), big.getMessage());
        ConfigException array = assertThrows(ConfigException.class, () -> OptionsBinder.bind(SgdOptions.defaults(),
                json("{\"clip\": [1]}"), "options", NO_VALIDATION, Set.of("progress")));
        assertTrue(array.getMessage().contains("'options.clip' expects an array of 2 numbers"), array.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> OptionsBinder.bind(SgdOptions.defaults(),
                json("{\"learningRate\": \"fast\"}"), "options", NO_VALIDATION, Set.of("progress")));
        assertTrue(type.getMessage().contains("'options.learningRate' expects a number, got \"fast\""),
                type.getMessage());
    }
}
