/** The embedded SQLite backend: MLflow's schema, versioned migrations, busy retries, async metric writer. */
package dev.lathe.tracking.sqlite;
