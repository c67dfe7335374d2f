/**
 * Monitoring a new month against the reference (training) month: data drift with Evidently's default
 * tests, the model's regression metrics and their change, per batch (day or week), logged and reported.
 */
package dev.lathe.evaluation.monitor;
