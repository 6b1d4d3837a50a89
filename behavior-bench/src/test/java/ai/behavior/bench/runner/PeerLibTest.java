package ai.behavior.bench.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher agent's list of peer jars, as dependency:build-classpath writes it. */
class PeerLibTest {
    @TempDir
    Path home;

    @Test
    void readsTheListInOrderRelativeToTheJarFolder() throws IOException {
        Path lib = Files.createDirectories(home.resolve("peer-lib"));
        Files.writeString(lib.resolve("b.jar"), "");
        Files.writeString(lib.resolve("a.jar"), "");
        Files.writeString(home.resolve(PeerLib.LIST), "peer-lib/b.jar" + File.pathSeparator + "peer-lib/a.jar\n");
        assertEquals(List.of(lib.resolve("b.jar"), lib.resolve("a.jar")), PeerLib.jars(home));
    }

    @Test
    void noListMeansNoPeerJars() throws IOException {
        assertEquals(List.of(), PeerLib.jars(home));
    }

    @Test
    void aListedJarThatIsGoneIsAnErrorNamingIt() throws IOException {
        Files.createDirectories(home.resolve("peer-lib"));
        Files.writeString(home.resolve(PeerLib.LIST), "peer-lib/gone.jar");
        IOException e = assertThrows(IOException.class, () -> PeerLib.jars(home));
        assertTrue(e.getMessage().contains("names peer-lib/gone.jar, which is not at " + home.resolve("peer-lib")
                .resolve("gone.jar")), e.getMessage());
    }
}
