/** Dense reducers: PCA and feature selection. */
package ai.behavior.feature.select;
