package ai.behavior.bench.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the runner again in a child JVM with {@code --add-modules jdk.incubator.vector} when the JVM was started
 * without it, so that {@code java -jar behavior-bench.jar run als-speed} times the Vector API ALS kernels as the
 * published figures do. A jar's manifest cannot add a module, hence the second JVM: it gets the same JVM options,
 * class path and arguments, shares the terminal, and its exit code is the runner's. A JVM started with
 * {@code -jar} starts the child with {@code -jar} too: only then does Java read the manifest's launcher agent (which
 * puts the Spark peer on the class path) and its {@code Add-Opens}.
 *
 * <pre>{@code
 * VectorModuleRelaunch.command(false, true, Optional.of("/usr/bin/java"), List.of("-Xmx4g"), "bench.jar", true,
 *         "ai.behavior.bench.runner.BenchCli", new String[] {"run", "als-speed"});
 * // [/usr/bin/java, --add-modules, jdk.incubator.vector, -Xmx4g, -Dbehavior.relaunch=false, -jar, bench.jar,
 * //  run, als-speed]
 * }</pre>
 *
 * <p>{@code -Dbehavior.relaunch=false} turns it off (the child is started with it, so it never starts another);
 * without a module, the ALS falls back to its plain-Java kernels and the protocol line says so.
 */
final class VectorModuleRelaunch {
    /** The incubating Vector API module the fast ALS kernels use. */
    static final String MODULE = "jdk.incubator.vector";
    /** System property that turns the relaunch off when {@code false}. */
    static final String PROPERTY = "behavior.relaunch";

    private VectorModuleRelaunch() {
    }

    /**
     * The child JVM's command line, or empty when no relaunch is wanted: the module is already loaded, the property
     * says {@code false}, the java executable or class path is unknown, or a debugger agent is attached.
     *
     * @param moduleLoaded whether {@link #MODULE} is in the boot layer
     * @param allowed      whether {@link #PROPERTY} allows a relaunch
     * @param java         the running JVM's executable, if known
     * @param jvmOptions   the running JVM's options (as {@code RuntimeMXBean.getInputArguments()} lists them)
     * @param classPath    the class path (the jar under {@code java -jar})
     * @param jar          whether this JVM was started with {@code -jar} ({@code classPath} is then the jar)
     * @param mainClass    the class whose {@code main} the child runs (not named under {@code -jar})
     * @param args         the program arguments
     */
    static Optional<List<String>> command(boolean moduleLoaded, boolean allowed, Optional<String> java,
                                          List<String> jvmOptions, String classPath, boolean jar,
                                          String mainClass, String[] args) {
        if (moduleLoaded || !allowed || java.isEmpty() || classPath == null || classPath.isBlank()) {
            return Optional.empty();
        }
        // a debugger's agent would try to listen on the same port again in the child: stay in this JVM
        if (jvmOptions.stream().anyMatch(o -> o.startsWith("-agentlib:jdwp") || o.startsWith("-Xrunjdwp"))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.add("--add-modules");
        command.add(MODULE);
        command.addAll(jvmOptions);
        command.add("-D" + PROPERTY + "=false");
        if (jar) {
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(mainClass);
        }
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** The command for this JVM, read from the running process. */
    static Optional<List<String>> forThisJvm(String[] args) {
        String classPath = System.getProperty("java.class.path");
        // under -jar the launcher's command starts with the jar (the class path); under -cp with the main class
        String launched = System.getProperty("sun.java.command", "");
        boolean jar = classPath != null && !classPath.isEmpty() && launched.startsWith(classPath);
        return command(ModuleLayer.boot().findModule(MODULE).isPresent(),
                !"false".equalsIgnoreCase(System.getProperty(PROPERTY)), ProcessHandle.current().info().command(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(), classPath, jar,
                BenchCli.class.getName(), args);
    }
}
