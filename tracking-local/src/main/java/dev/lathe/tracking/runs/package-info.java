/** Run metadata helpers: MLflow system tags, generated run names, git commit of the working directory. */
package dev.lathe.tracking.runs;
