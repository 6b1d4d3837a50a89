package ai.behavior.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --help} on every command, and the usage errors of the top level. */
class HelpAndExitCodesTest {
    @ParameterizedTest
    @ValueSource(strings = {"generate", "describe", "split", "train", "evaluate", "recommend"})
    void everySubcommandHasHelpWithItsFlagsAndExitCodes(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().startsWith("Usage: behavior " + command), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("  0   ok"), r.out());
        assertTrue(r.out().contains("-h, --help"), r.out());
    }

    @Test
    void topLevelHelpListsTheSubcommandsAndAllExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        for (String s : new String[] {"generate", "describe", "split", "train", "evaluate", "recommend",
                "3   an input (data, configuration, model folder) does not exist",
                "4   bad input data: a malformed row (file:line:column)"}) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }

    @Test
    void noSubcommandOrAnUnknownOneIsAUsageError() {
        Cli.Result none = Cli.run();
        assertEquals(ExitCode.USAGE, none.code(), none.toString());
        assertTrue(none.err().contains("a subcommand is required"), none.err());
        Cli.Result typo = Cli.run("describ", "--data", "x.csv");
        assertEquals(ExitCode.USAGE, typo.code(), typo.toString());
        assertTrue(typo.err().contains("Unmatched arguments") && typo.err().contains("describe"), typo.err());
    }
}
