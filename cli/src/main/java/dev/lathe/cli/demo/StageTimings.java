package dev.lathe.cli.demo;

/** Wall-clock seconds of each stage of the demo, as reported and benchmarked. */
public record StageTimings(double read, double prep, double vectorize, double fit, double evaluate) {
    public double total() {
        return read + prep + vectorize + fit + evaluate;
    }
}
