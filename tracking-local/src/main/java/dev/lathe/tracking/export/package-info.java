/** Export of a store to MLflow's file-store layout, so an existing MLflow UI can show Lathe's runs. */
package dev.lathe.tracking.export;
