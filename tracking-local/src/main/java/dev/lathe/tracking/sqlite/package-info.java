/**
 * The embedded SQLite backend (MLflow's schema, versioned migrations, busy retries) and the store every
 * SQL backend shares: {@link dev.lathe.tracking.sqlite.JdbcTrackingStore} over a {@link
 * dev.lathe.tracking.sqlite.Database}, with its DAOs, async metric writer and run liveness.
 */
package dev.lathe.tracking.sqlite;
