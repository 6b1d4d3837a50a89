/** Network parameters in model folders, one checksummed file per parameter. */
package ai.behavior.models.io;
