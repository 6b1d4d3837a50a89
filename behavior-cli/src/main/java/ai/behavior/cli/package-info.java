/** The {@code behavior} command-line tool. */
package ai.behavior.cli;
