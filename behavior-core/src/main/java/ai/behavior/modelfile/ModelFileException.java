package ai.behavior.modelfile;

import java.io.IOException;

/**
 * A model folder that cannot be loaded: missing or extra files, a checksum mismatch (corruption), a newer
 * format version than this library reads, another model type, or a malformed array file. The message says
 * which file and what was expected.
 *
 * <pre>{@code
 * try (ModelReader r = ModelReader.open(dir, "implicit-als", 1)) { ... }
 * catch (ModelFileException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the file and the problem. */
    public ModelFileException(String message) {
        super(message);
    }
}
