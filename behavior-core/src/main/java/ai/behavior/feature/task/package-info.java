/** Ready-made modelling tasks: a behaviour log turned into a labelled feature frame and a default pipeline. */
package ai.behavior.feature.task;
