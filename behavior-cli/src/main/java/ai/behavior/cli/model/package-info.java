/**
 * Trained models as the command line keeps them: the model folder ({@code run.json} plus the SDK's model files),
 * fitting, saving and loading each model kind, and lining up data read from files with a loaded model's ids.
 *
 * <pre>{@code
 * RunRecord run = RunRecord.read(modelDir);
 * ItemScorer model = RecommenderModels.load(run.model(), RunRecord.modelFolder(modelDir));
 * Serving s = Serving.of(model, train, test);
 * }</pre>
 */
package ai.behavior.cli.model;
