package ai.behavior.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code behavior} command in-process, capturing standard output and error. */
final class Cli {
    private Cli() {
    }

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    /** Runs {@code behavior args...} through the picocli entry point. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Behavior.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
