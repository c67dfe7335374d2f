/** Run artifacts on the local file system, with path validation. */
package dev.lathe.tracking.artifacts;
