package ai.behavior.models.sequence;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceOptionsJsonTest {
    @Test
    void optionsAndArchitectureRoundTripWithTheEmbeddingScale() {
        for (boolean scale : new boolean[] {false, true}) {
            SequenceOptions o = SequenceOptions.transformer().withHeads(1).withScaleEmbeddings(scale);
            SequenceOptions back = SequenceOptions.fromJson(o.toJson());
            assertEquals(scale, back.scaleEmbeddings());
            assertEquals(o.toJson(), back.toJson());
            SequenceArchitecture a = SequenceArchitecture.of(SequenceTask.NEXT_ITEM, o, 100, 0);
            assertEquals(scale, a.scaleEmbeddings());
            assertEquals(a, SequenceArchitecture.fromJson(a.toJson()));
        }
        assertTrue(SequenceOptions.transformer().describe().contains("embeddings x sqrt(dim)"));
        assertFalse(SequenceOptions.transformer().withScaleEmbeddings(false).describe().contains("sqrt"));
    }

    @Test
    void filesWrittenBeforeTheOptionExistedReadAsScaledAsTheirModelsWere() {
        JsonObject options = SequenceOptions.transformer().withScaleEmbeddings(false).toJson();
        options.remove("scaleEmbeddings");
        assertTrue(SequenceOptions.fromJson(options).scaleEmbeddings());
        JsonObject arch = SequenceArchitecture.of(SequenceTask.NEXT_ITEM,
                SequenceOptions.transformer().withScaleEmbeddings(false), 100, 0).toJson();
        arch.remove("scaleEmbeddings");
        assertTrue(SequenceArchitecture.fromJson(arch).scaleEmbeddings());
    }
}
