/**
 * Behaviour-log aggregates as {@link ai.behavior.feature.FeatureFrame}s with row keys: per user (counts per
 * event type and window, RFM, funnel rates, dwell, sessions, tenure), per item (popularity, conversion,
 * price paid) and per (user, category) pair. Every aggregate reads only the events strictly before a cut-off
 * and marks a value that is not defined (no purchase yet, no view to convert) as NaN, for the pipeline's
 * {@link ai.behavior.feature.numeric.MissingValues} policy to impute, with an indicator if wanted.
 */
package ai.behavior.feature.aggregate;
