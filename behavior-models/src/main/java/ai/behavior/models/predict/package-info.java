/** Trained networks ready for inference, owning their native memory. */
package ai.behavior.models.predict;
