/**
 * MLflow's search grammars (runs, experiments, registered models, model versions) parsed into typed
 * clauses and compiled to parameterised SQLite queries over the MLflow schema, so the tracking store
 * filters, orders and pages in SQL with indexes instead of loading every run into memory.
 *
 * <p>Entry points: {@link dev.lathe.tracking.search.RunSearchQuery},
 * {@link dev.lathe.tracking.search.ExperimentSearchQuery},
 * {@link dev.lathe.tracking.search.RegisteredModelSearchQuery} and
 * {@link dev.lathe.tracking.search.ModelVersionSearchQuery}, each returning a
 * {@link dev.lathe.tracking.search.SqlQuery}.
 */
package dev.lathe.tracking.search;
