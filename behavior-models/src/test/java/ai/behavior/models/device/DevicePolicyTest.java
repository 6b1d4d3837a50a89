package ai.behavior.models.device;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevicePolicyTest {
    @Test
    void parsesEveryFormCaseInsensitively() {
        assertEquals(DevicePolicy.AUTO, DevicePolicy.parse("auto"));
        assertEquals(DevicePolicy.CPU, DevicePolicy.parse(" CPU "));
        assertEquals(DevicePolicy.gpu(0), DevicePolicy.parse("gpu"));
        assertEquals(DevicePolicy.gpu(3), DevicePolicy.parse("GPU:3"));
        assertEquals(DevicePolicy.REQUIRE_GPU, DevicePolicy.parse("require_gpu"));
        assertEquals(DevicePolicy.REQUIRE_GPU, DevicePolicy.parse("Require-GPU"));
    }

    @Test
    void textFormRoundTrips() {
        for (DevicePolicy p : new DevicePolicy[] {DevicePolicy.AUTO, DevicePolicy.CPU, DevicePolicy.gpu(2),
                DevicePolicy.REQUIRE_GPU}) {
            assertEquals(p, DevicePolicy.parse(p.toString()));
        }
        assertEquals("gpu:2", DevicePolicy.gpu(2).toString());
        assertEquals("require_gpu", DevicePolicy.REQUIRE_GPU.toString());
    }

    @Test
    void badTextNamesTheValueAndTheForms() {
        for (String bad : new String[] {"", "gpu:", "gpu:-1", "gpu:x", "cuda", "gpu:99999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DevicePolicy.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("require_gpu"),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> DevicePolicy.parse(null));
        assertThrows(IllegalArgumentException.class, () -> DevicePolicy.gpu(-1));
        assertThrows(IllegalArgumentException.class, () -> new DevicePolicy(DevicePolicy.Mode.CPU, 1));
    }
}
