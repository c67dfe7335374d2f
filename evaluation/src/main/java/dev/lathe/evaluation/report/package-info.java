/** Evaluation reports as self-contained HTML (inline SVG), JSON and Markdown, loggable as run artifacts. */
package dev.lathe.evaluation.report;
