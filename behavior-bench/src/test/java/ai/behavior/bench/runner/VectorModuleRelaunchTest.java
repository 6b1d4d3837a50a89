package ai.behavior.bench.runner;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorModuleRelaunchTest {
    private static final String[] ARGS = {"run", "als-speed", "--threads", "2"};

    @Test
    void aJvmWithoutTheModuleIsStartedAgainWithItTheSameOptionsAndArguments() {
        Optional<List<String>> c = VectorModuleRelaunch.command(false, true, Optional.of("/jdk/bin/java"),
                List.of("-Xmx4g", "-Dai.djl.offline=true"), "a.jar:b.jar", false, "ai.behavior.bench.runner.BenchCli",
                ARGS);
        assertEquals(List.of("/jdk/bin/java", "--add-modules", "jdk.incubator.vector", "-Xmx4g",
                "-Dai.djl.offline=true", "-Dbehavior.relaunch=false", "-cp", "a.jar:b.jar",
                "ai.behavior.bench.runner.BenchCli", "run", "als-speed", "--threads", "2"), c.orElseThrow());
        // started with -jar: the child too, so Java reads the manifest's launcher agent and Add-Opens again
        Optional<List<String>> j = VectorModuleRelaunch.command(false, true, Optional.of("/jdk/bin/java"),
                List.of(), "target/behavior-bench.jar", true, "ai.behavior.bench.runner.BenchCli", ARGS);
        assertEquals(List.of("/jdk/bin/java", "--add-modules", "jdk.incubator.vector", "-Dbehavior.relaunch=false",
                "-jar", "target/behavior-bench.jar", "run", "als-speed", "--threads", "2"), j.orElseThrow());
    }

    @Test
    void noRelaunchWhenTheModuleIsThereWhenTurnedOffWhenJavaOrTheClassPathIsUnknownOrUnderADebugger() {
        Optional<String> java = Optional.of("/jdk/bin/java");
        String main = "ai.behavior.bench.runner.BenchCli";
        assertTrue(VectorModuleRelaunch.command(true, true, java, List.of(), "b.jar", false, main, ARGS).isEmpty());
        assertTrue(VectorModuleRelaunch.command(false, false, java, List.of(), "b.jar", false, main, ARGS).isEmpty());
        assertTrue(VectorModuleRelaunch.command(false, true, Optional.empty(), List.of(), "b.jar", false, main, ARGS)
                .isEmpty());
        assertTrue(VectorModuleRelaunch.command(false, true, java, List.of(), " ", false, main, ARGS).isEmpty());
        assertTrue(VectorModuleRelaunch.command(false, true, java, List.of(), null, false, main, ARGS).isEmpty());
        List<String> debugger = List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005");
        assertTrue(VectorModuleRelaunch.command(false, true, java, debugger, "b.jar", false, main, ARGS).isEmpty());
    }
}
