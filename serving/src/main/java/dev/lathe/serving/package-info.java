/** Serving a registered model: MLflow's scoring protocol over HTTP ({@code lathe serve}). */
package dev.lathe.serving;
