/**
 * The {@code behavior} command-line tool: {@code generate}, {@code describe}, {@code split}, {@code train},
 * {@code evaluate} and {@code recommend} on picocli, with documented exit codes ({@link ai.behavior.cli.ExitCode}).
 *
 * <pre>
 * java -jar behavior-cli/target/behavior.jar generate --users 1000 --seed 7 --out shop
 * java -jar behavior-cli/target/behavior.jar describe --data shop/events.csv
 * </pre>
 */
package ai.behavior.cli;
