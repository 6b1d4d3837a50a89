/**
 * Device selection made explicit: a {@link ai.behavior.models.device.DevicePolicy} from an option, the
 * {@code behavior.device} property or the {@code BEHAVIOR_DEVICE} variable, and a
 * {@link ai.behavior.models.device.DeviceReport} of what was asked, found and used.
 */
package ai.behavior.models.device;
