/**
 * Deterministic ways to divide an {@link ai.behavior.data.Interactions} log into train, validation and test
 * parts: random ratios (global or stratified per user), global temporal cuts (explicit or by quantile),
 * leave-last-k-out per user, and k-fold cross-validation (by event or grouped by user).
 *
 * <pre>{@code
 * SplitResult parts = Split.randomPerUser(0.8, 0.1, 0.1, 42).apply(log);
 * System.out.println(parts.describe()); // "random 80/10/10 train/validation/test stratified per user, seed 42 (...)"
 * }</pre>
 *
 * <p>Every part shares the source log's user and item index spaces, keeps the source's row order, and is the
 * same for the same input and seed on every run and JVM. Splitting an empty log gives three empty parts;
 * {@link ai.behavior.split.KFold} rejects it because it cannot make any fold.
 */
package ai.behavior.split;
