package ai.behavior.models.device;

import ai.djl.Device;

/**
 * The outcome of device selection: the DJL device to put arrays on and the report that explains it.
 *
 * <pre>{@code
 * DeviceChoice c = DeviceSelector.choose(null, EngineFacts.detect());
 * try (NDManager m = NDManager.newBaseManager(c.device())) { ... }
 * }</pre>
 *
 * @param device the device to use
 * @param report what was asked, found and used
 */
public record DeviceChoice(Device device, DeviceReport report) {
}
