package ai.behavior.modelfile;

import java.nio.charset.StandardCharsets;

/**
 * Constants of the SDK's model-file format, shared by {@link ModelWriter} and {@link ModelReader}.
 *
 * <pre>{@code
 * Path manifest = modelDir.resolve(ModelFiles.MANIFEST);
 * int version = ModelFiles.FORMAT_VERSION;
 * }</pre>
 *
 * <p>A model is a folder: {@code manifest.json} (format version, model type and its version, options,
 * provenance, and the SHA-256 and size of every other file) plus binary array files. An array file is
 * big-endian: the 4-byte magic {@code BHVA}, a 1-byte element type ({@code F} float, {@code I} int,
 * {@code D} double, {@code S} strings), the row and column counts as longs, then the elements (strings as
 * an int byte length and UTF-8 bytes). Java serialization is never used: loading a model runs no code
 * from the file.
 */
public final class ModelFiles {
    /** Name of the manifest file in a model folder. */
    public static final String MANIFEST = "manifest.json";
    /** Version of the folder layout and manifest this library writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Magic bytes at the start of every array file. */
    static final byte[] MAGIC = "BHVA".getBytes(StandardCharsets.US_ASCII);

    private ModelFiles() {
    }
}
