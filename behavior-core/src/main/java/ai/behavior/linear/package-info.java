/** Linear baselines on feature matrices: L2-regularised logistic regression fitted by L-BFGS. */
package ai.behavior.linear;
