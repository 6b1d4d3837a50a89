/** Reusable network blocks shared by the models. */
package ai.behavior.models.nn;
