/** MLflow's key, value and batch validation, shared by every backend. */
package dev.lathe.tracking.validation;
