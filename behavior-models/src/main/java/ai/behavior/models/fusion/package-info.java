/**
 * Fusion of a sequence representation with attributes, the three ways practitioners use: concatenation,
 * weighted sum with a learned gate, and attention over the two as a 2-token set
 * ({@link ai.behavior.models.fusion.FusionBlock}); a binary classifier built on it
 * ({@link ai.behavior.models.fusion.Fusion}) that takes any sequence encoder
 * ({@link ai.behavior.models.fusion.SequenceEncoderFactory}); saved and loaded as model folders
 * ({@link ai.behavior.models.fusion.FusionFile}).
 */
package ai.behavior.models.fusion;
