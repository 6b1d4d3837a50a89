package ai.behavior.cli.config;

/**
 * A training configuration that cannot be used: malformed JSON, an unknown key (the message lists the allowed
 * ones), a value of the wrong type, or an option the model rejects. The command exits with the usage code.
 *
 * <pre>{@code
 * try { TrainConfig.read(path); }
 * catch (ConfigException e) { System.err.println(e.getMessage()); }   // "als.json: options.factor: unknown key ..."
 * }</pre>
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the file and the key. */
    public ConfigException(String message) {
        super(message);
    }
}
