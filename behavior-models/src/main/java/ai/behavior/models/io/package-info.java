/**
 * The parts of a saved neural model folder shared by every model type: network parameters, one checksummed file
 * per parameter ({@link ai.behavior.models.io.ParameterFiles}); feature schemas as JSON
 * ({@link ai.behavior.feature.FeatureSchema#toJson()}, the format saved pipelines use too); optional fitted pipelines
 * ({@link ai.behavior.models.io.PipelineFiles}); and the device and training provenance of the manifest
 * ({@link ai.behavior.models.io.TrainingProvenance}).
 */
package ai.behavior.models.io;
