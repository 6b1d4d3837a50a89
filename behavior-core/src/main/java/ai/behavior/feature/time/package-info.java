/**
 * Time features: calendar fields and cyclic encodings in a time zone
 * ({@link ai.behavior.feature.time.CalendarFeatures}),
 * recency before a reference instant ({@link ai.behavior.feature.time.Recency}), gaps between a user's events
 * ({@link ai.behavior.feature.time.TimeGaps}) and a log as a one-row-per-event frame
 * ({@link ai.behavior.feature.time.EventFrames}).
 */
package ai.behavior.feature.time;
