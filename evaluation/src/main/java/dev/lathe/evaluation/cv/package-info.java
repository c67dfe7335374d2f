/** K-fold cross-validation of any core Trainer, optionally on several threads, with mean and sample std. */
package dev.lathe.evaluation.cv;
