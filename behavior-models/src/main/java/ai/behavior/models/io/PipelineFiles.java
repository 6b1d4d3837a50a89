package ai.behavior.models.io;

import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An optional fitted feature pipeline inside a model folder, under a file-name prefix, checked on load against
 * the schema of the rows the model reads.
 *
 * <pre>{@code
 * PipelineFiles.write(writer, "pipeline.", model.pipeline().orElse(null));
 * FittedPipeline p = PipelineFiles.read(dir, reader, "pipeline.", schema);   // null when none was saved
 * }</pre>
 */
public final class PipelineFiles {
    private static final String ROOT = "pipeline.json";

    private PipelineFiles() {
    }

    /** Writes {@code pipeline} under {@code prefix}; nothing when it is null. */
    public static void write(ModelWriter out, String prefix, FittedPipeline pipeline) throws IOException {
        if (pipeline != null) {
            pipeline.writeTo(out, prefix);
        }
    }

    /**
     * The pipeline saved under {@code prefix}, or null when none was.
     *
     * @throws ModelFileException when its output differs from {@code schema}, naming the folder
     */
    public static FittedPipeline read(Path dir, ModelReader in, String prefix, FeatureSchema schema)
            throws IOException {
        if (!in.hasFile(prefix + ROOT)) {
            return null;
        }
        FittedPipeline pipeline = FittedPipeline.readFrom(in, prefix);
        if (!pipeline.schema().features().equals(schema.features())) {
            throw new ModelFileException(dir + ": the pipeline saved under '" + prefix + "' outputs "
                    + pipeline.schema().features() + ", not the model's rows " + schema.features());
        }
        return pipeline;
    }
}
