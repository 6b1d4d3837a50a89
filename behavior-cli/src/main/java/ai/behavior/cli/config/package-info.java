/**
 * The training configuration of {@code behavior train}: the JSON schema ({@link ai.behavior.cli.config.TrainConfig}),
 * the with-er binding of model options ({@link ai.behavior.cli.config.OptionsBinder}) and the split and task specs.
 *
 * <pre>{@code
 * TrainConfig c = TrainConfig.read(Path.of("als.json"));
 * ImplicitAls.Options o = OptionsBinder.bind(ImplicitAls.Options.defaults(), c.options(), "options", ctx, hidden);
 * }</pre>
 */
package ai.behavior.cli.config;
