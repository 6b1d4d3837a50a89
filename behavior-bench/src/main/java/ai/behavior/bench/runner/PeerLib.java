package ai.behavior.bench.runner;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Puts the peers' jars (Spark MLlib and its dependencies, {@code provided} in the build, so not inside the
 * runner jar) on the class path of {@code java -jar behavior-bench.jar}. The build copies them into
 * {@code peer-lib/} beside the jar and lists them, in Maven's order, in {@value #LIST}; the jar's manifest
 * names this class as its {@code Launcher-Agent-Class}, so the JVM calls {@link #agentmain} before the main
 * class and the jars are appended to the application class path.
 *
 * <pre>
 * java -jar behavior-bench/target/behavior-bench.jar run als-speed   # finds target/peer-lib/ by itself
 * </pre>
 *
 * <p>Why not the manifest's {@code Class-Path}: it needs the entries separated by spaces, and Maven trims a
 * whitespace-only plugin parameter to nothing, so {@code dependency:build-classpath} cannot write that
 * separator. Without {@code peer-lib/} (say, the jar was copied elsewhere) nothing is appended and the
 * scenarios that need a peer report it as skipped with the reason.
 */
public final class PeerLib {
    /** The list of peer jars, relative to the folder holding the runner jar. */
    public static final String LIST = "peer-lib/peer-lib.classpath";

    private PeerLib() {
    }

    /**
     * Called by the JVM before {@code main} (manifest {@code Launcher-Agent-Class}); appends every jar of
     * {@value #LIST}. Never throws: a problem is one line on stderr, and the run goes on without the peers.
     */
    public static void agentmain(String args, Instrumentation inst) {
        try {
            Path home = jarFolder();
            if (home == null) {
                return;
            }
            for (Path jar : jars(home)) {
                inst.appendToSystemClassLoaderSearch(new JarFile(jar.toFile()));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: peer jars not added to the class path (" + e + "); scenarios that need a"
                    + " peer will skip it");
        }
    }

    /**
     * The jars listed in {@code home}/{@value #LIST}, resolved against {@code home}; empty when there is no
     * list. The list separates entries by the platform's path separator, as {@code build-classpath} writes.
     *
     * @throws IOException if the list cannot be read or names a jar that is not there
     */
    static List<Path> jars(Path home) throws IOException {
        Path list = home.resolve(LIST);
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        for (String entry : Files.readString(list).strip().split(Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) {
                continue;
            }
            Path jar = home.resolve(entry.strip());
            if (!Files.isRegularFile(jar)) {
                throw new IOException(list + " names " + entry + ", which is not at " + jar
                        + " (rebuild with mvn package)");
            }
            jars.add(jar);
        }
        return jars;
    }

    /** The folder of the jar this class was loaded from, or null when it was not loaded from a jar. */
    private static Path jarFolder() {
        CodeSource source = PeerLib.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path self = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(self) ? self.toAbsolutePath().getParent() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
