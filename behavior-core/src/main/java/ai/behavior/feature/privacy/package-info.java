/**
 * Data-preparation utilities that remove or blur identifying information before data reaches a feature
 * pipeline: keyed pseudonyms for ids ({@link ai.behavior.feature.privacy.Pseudonymizer}) and coarsening of
 * attribute tables ({@link ai.behavior.feature.privacy.Coarsen}). They are not pipeline transforms: run them
 * once on the raw tables and logs, so no raw identifier ever ends up in a fitted pipeline's saved vocabulary.
 */
package ai.behavior.feature.privacy;
