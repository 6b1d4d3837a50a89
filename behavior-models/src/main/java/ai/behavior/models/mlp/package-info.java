/** The tabular MLP: {@link ai.behavior.models.mlp.Mlp#fit} returns an {@link ai.behavior.models.mlp.MlpModel}. */
package ai.behavior.models.mlp;
