package ai.behavior.feature;

import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A fitted feature pipeline: immutable and thread-safe. It turns a {@link FeatureFrame} into a
 * {@link FeatureMatrix} laid out by {@link #schema()}, describes what it learned, and saves to a model folder
 * (its own, or inside a model's folder under a prefix) with a checksum on every file.
 *
 * <pre>{@code
 * FeatureMatrix x = fitted.transform(frame);
 * fitted.save(dir);  FittedPipeline again = FittedPipeline.load(dir);
 * }</pre>
 *
 * <p>For serving without allocation, {@link #bind} a reusable single-row frame and output once, then overwrite
 * the frame's arrays and call {@link Bound#transform(int, int)} per request.
 */
public final class FittedPipeline {
    /** Model type of a standalone pipeline folder. */
    public static final String MODEL_TYPE = "feature-pipeline";
    /** Layout version of the pipeline JSON this library writes and reads. */
    public static final int VERSION = 1;
    private static final String FILE = "pipeline.json";
    private static final int CHUNK = 1024;

    private final List<String> stepNames;
    private final List<Transform> transforms;
    private final List<String> reducerNames;
    private final List<FittedReducer> reducers;
    private final long fittedRows;
    private final FeatureSchema columnSchema;
    private final FeatureSchema schema;
    private final int[] denseOffsets;
    private final int[] categoricalOffsets;
    private final int[] sequenceOffsets;

    FittedPipeline(List<String> stepNames, List<Transform> transforms, List<String> reducerNames,
                   List<FittedReducer> reducers, long fittedRows) {
        this.stepNames = List.copyOf(stepNames);
        this.transforms = List.copyOf(transforms);
        this.reducerNames = List.copyOf(reducerNames);
        this.reducers = List.copyOf(reducers);
        this.fittedRows = fittedRows;
        int n = transforms.size();
        denseOffsets = new int[n];
        categoricalOffsets = new int[n];
        sequenceOffsets = new int[n];
        List<FeatureSpec> specs = new ArrayList<>();
        int d = 0;
        int c = 0;
        int q = 0;
        for (int i = 0; i < n; i++) {
            denseOffsets[i] = d;
            categoricalOffsets[i] = c;
            sequenceOffsets[i] = q;
            List<FeatureSpec> outs = transforms.get(i).outputs();
            if (outs.isEmpty()) {
                throw new IllegalStateException("step '" + stepNames.get(i) + "' has no outputs");
            }
            for (FeatureSpec f : outs) {
                String full = f.name().isEmpty() ? stepNames.get(i) : stepNames.get(i) + "." + f.name();
                specs.add(f.renamed(full));
                if (f instanceof FeatureSpec.Dense) {
                    d++;
                } else if (f instanceof FeatureSpec.Categorical) {
                    c++;
                } else {
                    q++;
                }
            }
        }
        this.columnSchema = new FeatureSchema(specs);
        if (reducers.isEmpty()) {
            this.schema = columnSchema;
        } else {
            List<FeatureSpec> finalSpecs = new ArrayList<>();
            for (String name : reducers.get(reducers.size() - 1).outputNames()) {
                finalSpecs.add(new FeatureSpec.Dense(name));
            }
            specs.stream().filter(f -> !(f instanceof FeatureSpec.Dense)).forEach(finalSpecs::add);
            this.schema = new FeatureSchema(finalSpecs);
        }
    }

    /** The output layout. */
    public FeatureSchema schema() {
        return schema;
    }

    /** The input columns the pipeline reads, in step order. */
    public List<String> inputs() {
        Set<String> in = new LinkedHashSet<>();
        transforms.forEach(t -> in.addAll(t.inputs()));
        return List.copyOf(in);
    }

    /** The step names in order. */
    public List<String> stepNames() {
        return stepNames;
    }

    /** The fitted transform of step {@code name}. */
    public Transform step(String name) {
        int i = stepNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no step '" + name + "'; steps are " + stepNames);
        }
        return transforms.get(i);
    }

    /** The fitted reducer called {@code name} (PCA loadings, a selection's ranking). */
    public FittedReducer reducer(String name) {
        int i = reducerNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no reducer '" + name + "'; reducers are " + reducerNames);
        }
        return reducers.get(i);
    }

    /** Number of training rows the pipeline was fitted on. */
    public long fittedRows() {
        return fittedRows;
    }

    /** Transforms every row of {@code in} into a new matrix. */
    public FeatureMatrix transform(FeatureFrame in) {
        FeatureMatrix out = new FeatureMatrix(schema, in.rows());
        transform(in, out);
        return out;
    }

    /** Transforms every row of {@code in} into rows {@code 0..in.rows()-1} of {@code out}, overwriting them. */
    public void transform(FeatureFrame in, FeatureMatrix out) {
        bind(in, out).transformAll();
    }

    FeatureMatrix transformTraining(FeatureFrame train) {
        FeatureMatrix out = new FeatureMatrix(schema, train.rows());
        new Bound(train, out, true).transformAll();
        return out;
    }

    /**
     * Binds to an input frame and an output matrix: column lookups and vocabulary mappings happen here, once,
     * so {@link Bound#transform(int, int)} allocates nothing. Rebind after replacing a frame's columns.
     */
    public Bound bind(FeatureFrame in, FeatureMatrix out) {
        return new Bound(in, out, false);
    }

    /** A pipeline bound to one frame and one output; not thread-safe (bind once per thread). */
    public final class Bound {
        private final FeatureFrame in;
        private final FeatureMatrix out;
        private final BoundTransform[] bound;
        private final OutputSlots[] slots;
        private final float[][] scratch;

        private Bound(FeatureFrame in, FeatureMatrix out, boolean training) {
            if (!out.schema().equals(schema) && !out.schema().features().equals(schema.features())) {
                throw new IllegalArgumentException("the output matrix has another schema than this pipeline");
            }
            for (String col : inputs()) {
                if (!in.has(col)) {
                    throw new IllegalArgumentException("the frame lacks column '" + col + "', which the pipeline "
                            + "reads; it has " + in.columnNames());
                }
            }
            this.in = in;
            this.out = out;
            int n = transforms.size();
            bound = new BoundTransform[n];
            slots = new OutputSlots[n];
            scratch = new float[reducers.size() + 1][];
            if (!reducers.isEmpty()) {
                scratch[0] = new float[CHUNK * columnSchema.denseWidth()];
                for (int r = 0; r < reducers.size(); r++) {
                    scratch[r + 1] = new float[CHUNK * reducers.get(r).outputNames().size()];
                }
            }
            for (int i = 0; i < n; i++) {
                slots[i] = new OutputSlots(out, denseOffsets[i], categoricalOffsets[i], sequenceOffsets[i]);
                if (!reducers.isEmpty()) {
                    slots[i].redirectDense(scratch[0], columnSchema.denseWidth(), 0);
                }
                bound[i] = training ? transforms.get(i).bindForTraining(in, slots[i])
                        : transforms.get(i).bind(in, slots[i]);
            }
        }

        /** Transforms every row of the frame into the same rows of the output. */
        public void transformAll() {
            if (out.rows() < in.rows()) {
                throw new IllegalArgumentException("the output has " + out.rows() + " rows; the frame has "
                        + in.rows());
            }
            out.resetCounts();
            for (int start = 0; start < in.rows(); start += CHUNK) {
                int end = Math.min(in.rows(), start + CHUNK);
                run(start, end, start);
            }
        }

        /** Transforms frame row {@code inRow} into output row {@code outRow}; allocates nothing. */
        public void transform(int inRow, int outRow) {
            run(inRow, inRow + 1, outRow);
        }

        private void run(int inStart, int inEnd, int outStart) {
            if (!reducers.isEmpty()) {
                for (OutputSlots s : slots) {
                    s.redirectDense(scratch[0], columnSchema.denseWidth(), outStart);
                }
            }
            for (int r = inStart; r < inEnd; r++) {
                int o = outStart + r - inStart;
                for (BoundTransform b : bound) {
                    b.apply(r, o);
                }
            }
            int rows = inEnd - inStart;
            if (!reducers.isEmpty()) {
                checkFinite(scratch[0], columnSchema, 0, rows, outStart);
                reduceChunk(rows, outStart);
            }
            checkFinite(out.denseBlock(), schema, outStart, rows, 0);
        }

        private void reduceChunk(int rows, int outStart) {
            int width = columnSchema.denseWidth();
            for (int k = 0; k < reducers.size(); k++) {
                FittedReducer f = reducers.get(k);
                int outWidth = f.outputNames().size();
                boolean last = k == reducers.size() - 1;
                float[] target = last ? out.denseBlock() : scratch[k + 1];
                int base = last ? outStart * outWidth : 0;
                for (int r = 0; r < rows; r++) {
                    f.apply(scratch[k], r * width, target, base + r * outWidth);
                }
                width = outWidth;
            }
        }

        /** Guards the promise that no NaN or infinity leaves the pipeline (before and after reducers). */
        private void checkFinite(float[] d, FeatureSchema layout, int firstRow, int rows, int rowBase) {
            int w = layout.denseWidth();
            for (int i = firstRow * w, end = (firstRow + rows) * w; i < end; i++) {
                if (!Float.isFinite(d[i])) {
                    int row = i / w + rowBase;
                    throw new IllegalStateException("feature '" + layout.dense().get(i % w).name() + "' is " + d[i]
                            + " at output row " + row + "; a transform let a non-finite value through");
                }
            }
        }
    }

    /** Saves to its own model folder {@code dir} (type {@value #MODEL_TYPE}). */
    public void save(Path dir) throws IOException {
        ModelWriter w = ModelWriter.create(dir, MODEL_TYPE, VERSION);
        writeTo(w, "");
        w.commit();
    }

    /** Loads a pipeline saved with {@link #save}; a damaged, foreign or newer folder fails clearly. */
    public static FittedPipeline load(Path dir) throws IOException {
        return readFrom(ModelReader.open(dir, MODEL_TYPE, VERSION), "");
    }

    /**
     * Writes into a model folder being written (a model saves its pipeline beside its weights); file names
     * start with {@code prefix}, which must be lower-case letters, digits, '_', '.' or '-'.
     */
    public void writeTo(ModelWriter files, String prefix) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("pipelineVersion", VERSION);
        root.addProperty("fittedRows", fittedRows);
        JsonArray steps = new JsonArray();
        for (int i = 0; i < transforms.size(); i++) {
            Transform t = transforms.get(i);
            StepWriter w = new StepWriter(files, prefix + "s" + i + ".");
            t.save(w);
            JsonObject step = new JsonObject();
            step.addProperty("name", stepNames.get(i));
            step.addProperty("kind", t.kind());
            step.add("outputs", SpecJson.write(t.outputs()));
            step.add("params", w.params());
            steps.add(step);
        }
        root.add("steps", steps);
        JsonArray reds = new JsonArray();
        for (int i = 0; i < reducers.size(); i++) {
            FittedReducer f = reducers.get(i);
            StepWriter w = new StepWriter(files, prefix + "r" + i + ".");
            f.save(w);
            JsonObject r = new JsonObject();
            r.addProperty("name", reducerNames.get(i));
            r.addProperty("kind", f.kind());
            r.addProperty("inputWidth", f.inputWidth());
            JsonArray names = new JsonArray();
            f.outputNames().forEach(names::add);
            r.add("outputs", names);
            r.add("params", w.params());
            reds.add(r);
        }
        root.add("reducers", reds);
        files.json(prefix + FILE, root);
    }

    /** Reads a pipeline written with {@link #writeTo} under {@code prefix}. */
    public static FittedPipeline readFrom(ModelReader files, String prefix) throws IOException {
        JsonObject root = files.json(prefix + FILE).getAsJsonObject();
        int version = root.get("pipelineVersion").getAsInt();
        if (version > VERSION) {
            throw new ModelFileException("the feature pipeline was written in layout " + version + " by a newer "
                    + "library; this library reads layout " + VERSION + " and older: upgrade to load it");
        }
        List<String> names = new ArrayList<>();
        List<Transform> transforms = new ArrayList<>();
        JsonArray steps = root.getAsJsonArray("steps");
        for (int i = 0; i < steps.size(); i++) {
            JsonObject step = steps.get(i).getAsJsonObject();
            String name = step.get("name").getAsString();
            String kind = step.get("kind").getAsString();
            StepReader r = new StepReader(files, prefix + "s" + i + ".", name, step.getAsJsonObject("params"));
            Transform t = TransformKinds.transform(kind).load(r);
            List<FeatureSpec> saved = SpecJson.read(step.get("outputs"), "pipeline step '" + name + "'");
            if (!t.outputs().equals(saved)) {
                throw new ModelFileException("step '" + name + "' (" + kind + ") loads with outputs " + t.outputs()
                        + " but was saved with " + saved);
            }
            names.add(name);
            transforms.add(t);
        }
        List<String> reducerNames = new ArrayList<>();
        List<FittedReducer> reducers = new ArrayList<>();
        JsonArray reds = root.getAsJsonArray("reducers");
        for (int i = 0; i < reds.size(); i++) {
            JsonObject red = reds.get(i).getAsJsonObject();
            String name = red.get("name").getAsString();
            StepReader r = new StepReader(files, prefix + "r" + i + ".", name, red.getAsJsonObject("params"));
            FittedReducer f = TransformKinds.reducer(red.get("kind").getAsString()).load(r);
            List<String> saved = new ArrayList<>();
            red.getAsJsonArray("outputs").forEach(e -> saved.add(e.getAsString()));
            if (!f.outputNames().equals(saved) || f.inputWidth() != red.get("inputWidth").getAsInt()) {
                throw new ModelFileException("reducer '" + name + "' does not load with the shape it was saved with");
            }
            reducerNames.add(name);
            reducers.add(f);
        }
        return new FittedPipeline(names, transforms, reducerNames, reducers, root.get("fittedRows").getAsLong());
    }

    /**
     * A human-readable account of the fitted pipeline: each step's kind, inputs, outputs and fitted
     * statistics, each reducer, and the output schema with vocabulary sizes.
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Feature pipeline fitted on %,d rows: %d dense, %d categorical, %d sequence "
                + "outputs%n", fittedRows, schema.denseWidth(), schema.categoricalWidth(), schema.sequences().size()));
        for (int i = 0; i < transforms.size(); i++) {
            Transform t = transforms.get(i);
            s.append(String.format(Locale.ROOT, "  step %-22s %-18s in %s -> %s%n      %s%n", stepNames.get(i),
                    t.kind(), t.inputs(), outputSummary(t.outputs()), t.describe()));
        }
        for (int i = 0; i < reducers.size(); i++) {
            FittedReducer f = reducers.get(i);
            s.append(String.format(Locale.ROOT, "  reduce %-20s %-18s %d -> %d dense%n      %s%n",
                    reducerNames.get(i), f.kind(), f.inputWidth(), f.outputNames().size(), f.describe()));
        }
        for (FeatureSpec.Categorical c : schema.categorical()) {
            s.append(String.format(Locale.ROOT, "  categorical %-30s %,d indices (0 = unknown)%n", c.name(),
                    c.cardinality()));
        }
        for (FeatureSpec.Sequence q : schema.sequences()) {
            s.append(String.format(Locale.ROOT, "  sequence    %-30s %,d indices (0 = pad, 1 = unknown), length %d, "
                    + "%s padding%n", q.name(), q.vocabularySize(), q.maxLength(), q.padding()));
        }
        return s.toString();
    }

    private static String outputSummary(List<FeatureSpec> outs) {
        long d = outs.stream().filter(f -> f instanceof FeatureSpec.Dense).count();
        long c = outs.stream().filter(f -> f instanceof FeatureSpec.Categorical).count();
        long q = outs.stream().filter(f -> f instanceof FeatureSpec.Sequence).count();
        List<String> parts = new ArrayList<>();
        if (d > 0) {
            parts.add(d + " dense");
        }
        if (c > 0) {
            parts.add(c + " categorical");
        }
        if (q > 0) {
            parts.add(q + " sequence");
        }
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return "FittedPipeline" + stepNames + " -> " + schema;
    }

    static float[] reduceBlock(FittedReducer f, float[] block, int rows) {
        int in = f.inputWidth();
        int outW = f.outputNames().size();
        float[] out = new float[Math.multiplyExact(rows, outW)];
        for (int r = 0; r < rows; r++) {
            f.apply(block, r * in, out, r * outW);
        }
        return out;
    }
}
