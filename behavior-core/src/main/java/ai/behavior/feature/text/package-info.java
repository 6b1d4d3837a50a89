/** Text features: tokenising and hashed TF-IDF. */
package ai.behavior.feature.text;
