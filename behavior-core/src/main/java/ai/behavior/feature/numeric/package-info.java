/**
 * Numeric transforms: scaling ({@link ai.behavior.feature.numeric.Standardize},
 * {@link ai.behavior.feature.numeric.MinMaxScale}, {@link ai.behavior.feature.numeric.RobustScale},
 * {@link ai.behavior.feature.numeric.Log1p}), clipping ({@link ai.behavior.feature.numeric.Clip}), bucketing
 * ({@link ai.behavior.feature.numeric.Bucketize}) and plain imputation
 * ({@link ai.behavior.feature.numeric.Impute}). NaN and infinite inputs count as missing and follow a declared
 * {@link ai.behavior.feature.numeric.MissingValues} policy (an error by default). Each step reads a raw frame
 * column, so a combination such as "log, then standardise" is an option of one transform, not two steps.
 */
package ai.behavior.feature.numeric;
