/** Dependency-free SVG charts (histogram, scatter, line, horizontal bars) with escaped text. */
package dev.lathe.evaluation.report.svg;
