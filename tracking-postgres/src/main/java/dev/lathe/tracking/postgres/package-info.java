/**
 * The tracking store shared by a team on PostgreSQL: {@link dev.lathe.tracking.postgres.PostgresTrackingStore}
 * runs tracking-local's store ({@link dev.lathe.tracking.sqlite.JdbcTrackingStore}) on a bounded pool of
 * connections, with its own schema, migrations applied once across processes, and artifacts under a
 * shared root.
 */
package dev.lathe.tracking.postgres;
