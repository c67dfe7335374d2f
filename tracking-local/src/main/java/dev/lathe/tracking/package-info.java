/**
 * Lathe's experiment tracking with MLflow semantics: the backend-neutral {@link
 * dev.lathe.core.tracking.TrackingStore} interface and its immutable read types. Open the embedded store
 * with {@code SqliteTrackingStore.open(Path.of("lathe-store"))} or {@code
 * SqliteTrackingStore.openDefault()} ({@code -Dlathe.store}, {@code $LATHE_STORE}, {@code
 * ./lathe-store}); code that knows only core finds it through {@code TrackerProvider.find()}.
 */
package dev.lathe.tracking;
