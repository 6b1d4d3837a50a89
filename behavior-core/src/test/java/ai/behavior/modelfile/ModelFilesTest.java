package ai.behavior.modelfile;

import ai.behavior.data.IdIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFilesTest {
    /** Options as a model would keep them. */
    record Options(int factors, double regularization, String name) {
    }

    @TempDir
    Path tmp;

    private Path writeSample(Path dir) throws IOException {
        float[] factors = new float[70_001 * 3]; // more than one write chunk
        for (int i = 0; i < factors.length; i++) {
            factors[i] = (float) Math.sin(i) * 1e-3f;
        }
        factors[5] = Float.MIN_VALUE;
        factors[6] = -0.0f;
        ModelWriter.create(dir, "test-model", 2)
                .options(new Options(3, 0.05, "ünïcode"))
                .provenance("dataset", "synthetic")
                .floats("factors", factors, 70_001, 3)
                .ints("counts", new int[] {1, -2, Integer.MAX_VALUE})
                .doubles("biases", new double[] {0.1, Double.MIN_VALUE, -7})
                .ids("users", IdIndex.of("u1", "ü2", "a-long-user-identifier", ""))
                .commit();
        return dir;
    }

    @Test
    void roundTripIsExact() throws IOException {
        Path dir = writeSample(tmp.resolve("model"));
        ModelReader r = ModelReader.open(dir, "test-model", 2);
        assertEquals(2, r.typeVersion());
        assertEquals(new Options(3, 0.05, "ünïcode"), r.options(Options.class));
        assertEquals("synthetic", r.provenance("dataset"));
        ModelReader.FloatMatrix f = r.floats("factors");
        assertEquals(70_001, f.rows());
        assertEquals(3, f.cols());
        assertEquals(Float.MIN_VALUE, f.data()[5]);
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(f.data()[6]));
        assertEquals((float) Math.sin(1000) * 1e-3f, f.data()[1000]);
        assertArrayEquals(new int[] {1, -2, Integer.MAX_VALUE}, r.ints("counts"));
        assertArrayEquals(new double[] {0.1, Double.MIN_VALUE, -7}, r.doubles("biases"));
        assertArrayEquals(new String[] {"u1", "ü2", "a-long-user-identifier", ""}, r.ids("users").ids());
        assertTrue(Files.readString(dir.resolve(ModelFiles.MANIFEST)).contains("\"sha256\""));
    }

    @Test
    void aFlippedByteIsReportedAsCorruptionNamingTheFile() throws IOException {
        Path dir = writeSample(tmp.resolve("model"));
        byte[] bytes = Files.readAllBytes(dir.resolve("factors"));
        bytes[100] ^= 1;
        Files.write(dir.resolve("factors"), bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelReader.open(dir, "test-model", 2));
        assertTrue(e.getMessage().contains("'factors' is corrupted: SHA-256"), e.getMessage());
    }

    @Test
    void truncatedOrMissingFilesAreReported() throws IOException {
        Path dir = writeSample(tmp.resolve("model"));
        byte[] bytes = Files.readAllBytes(dir.resolve("counts"));
        Files.write(dir.resolve("counts"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelReader.open(dir, "test-model", 2));
        assertTrue(e.getMessage().contains("'counts' is corrupted"), e.getMessage());
        Files.delete(dir.resolve("counts"));
        e = assertThrows(ModelFileException.class, () -> ModelReader.open(dir, "test-model", 2));
        assertTrue(e.getMessage().contains("'counts' listed in the manifest is missing"), e.getMessage());
    }

    @Test
    void newerVersionsAndOtherTypesFailClearly() throws IOException {
        Path dir = writeSample(tmp.resolve("model"));
        ModelFileException type = assertThrows(ModelFileException.class, () -> ModelReader.open(dir, "bpr", 1));
        assertTrue(type.getMessage().contains("holds a 'test-model' model, not 'bpr'"), type.getMessage());
        ModelFileException older = assertThrows(ModelFileException.class,
                () -> ModelReader.open(dir, "test-model", 1));
        assertTrue(older.getMessage().contains("version 2, newer than the version 1"), older.getMessage());

        Path manifest = dir.resolve(ModelFiles.MANIFEST);
        String json = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, json.replace("\"formatVersion\": 1", "\"formatVersion\": 99"));
        ModelFileException newer = assertThrows(ModelFileException.class,
                () -> ModelReader.open(dir, "test-model", 2));
        assertTrue(newer.getMessage().contains("model format 99 by a newer library"), newer.getMessage());

        Files.writeString(manifest, "{ not json");
        assertThrows(ModelFileException.class, () -> ModelReader.open(dir, "test-model", 2));
        Files.delete(manifest);
        ModelFileException none = assertThrows(ModelFileException.class, () -> ModelReader.open(dir, "test-model", 2));
        assertTrue(none.getMessage().contains("manifest.json is missing"), none.getMessage());
    }

    @Test
    void wrongElementTypeAndUnknownNamesAreReported() throws IOException {
        Path dir = writeSample(tmp.resolve("model"));
        ModelReader r = ModelReader.open(dir, "test-model", 2);
        ModelFileException e = assertThrows(ModelFileException.class, () -> r.ints("factors"));
        assertTrue(e.getMessage().contains("element type 'F', expected 'I'"), e.getMessage());
        assertThrows(ModelFileException.class, () -> r.floats("nope"));
    }

    @Test
    void replacesAnOldModelButNeverAFolderThatIsNotOne() throws IOException {
        Path dir = writeSample(tmp.resolve("model"));
        ModelWriter.create(dir, "test-model", 1).ints("only", new int[] {7}).commit();
        ModelReader r = ModelReader.open(dir, "test-model", 1);
        assertArrayEquals(new int[] {7}, r.ints("only"));
        assertFalse(Files.exists(dir.resolve("factors")), "the old model's files are gone");

        Path precious = tmp.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("thesis.tex"), "years of work");
        assertThrows(IOException.class, () -> ModelWriter.create(precious, "test-model", 1));
        assertTrue(Files.exists(precious.resolve("thesis.tex")));
    }

    @Test
    void badNamesAndShapesAreRejected() throws IOException {
        ModelWriter w = ModelWriter.create(tmp.resolve("m"), "test-model", 1);
        assertThrows(IllegalArgumentException.class, () -> w.ints("../escape", new int[0]));
        assertThrows(IllegalArgumentException.class, () -> w.ints("manifest.json", new int[0]));
        assertThrows(IllegalArgumentException.class, () -> w.floats("f", new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> ModelWriter.create(tmp.resolve("x"), "Bad Type", 1));
    }
}
