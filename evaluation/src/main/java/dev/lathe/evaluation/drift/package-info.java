/** Feature drift between a reference and a current sample: two-sample KS and population stability index. */
package dev.lathe.evaluation.drift;
