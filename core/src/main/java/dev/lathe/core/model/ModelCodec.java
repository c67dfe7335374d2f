package dev.lathe.core.model;

/**
 * Reads one {@link Model#kind()} back from its payload. Implementations are found with
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/dev.lathe.core.model.ModelCodec}),
 * so that every module can add model kinds without core knowing them. A codec reads through
 * {@link PayloadInput}, which bounds every count by the bytes left, and fails only with a
 * {@link dev.lathe.core.LatheException}; it never loads a class named by the file.
 */
public interface ModelCodec {
    String kind();

    /** The model the rest of {@code in} holds (after {@link ModelIO} checked the header and digest). */
    Model read(PayloadInput in);
}
