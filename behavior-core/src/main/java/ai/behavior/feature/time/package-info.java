/** Time features: calendar fields, cyclic encodings, recency. */
package ai.behavior.feature.time;
