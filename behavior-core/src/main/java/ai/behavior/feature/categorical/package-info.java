/** Categorical encoders: index, one-hot, frequency, hashing and out-of-fold target encoding. */
package ai.behavior.feature.categorical;
