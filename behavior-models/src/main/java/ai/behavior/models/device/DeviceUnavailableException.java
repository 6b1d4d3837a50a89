package ai.behavior.models.device;

/**
 * {@link DevicePolicy#REQUIRE_GPU} was asked for and no usable GPU was found. The message says what the
 * engine found and how to get a CUDA build of libtorch.
 *
 * <pre>{@code
 * try { DeviceSelector.choose(DevicePolicy.REQUIRE_GPU, EngineFacts.detect()); }
 * catch (DeviceUnavailableException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class DeviceUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message saying what was found and what to do. */
    public DeviceUnavailableException(String message) {
        super(message);
    }
}
