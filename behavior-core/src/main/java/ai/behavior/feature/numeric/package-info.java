/** Numeric transforms: scaling, imputation, clipping, bucketing. */
package ai.behavior.feature.numeric;
