package dev.lathe.core.model;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one {@link Model#kind()} back from its payload. Implementations are found with
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/dev.lathe.core.model.ModelCodec}),
 * so that every module can add model kinds without core knowing them.
 */
public interface ModelCodec {
    String kind();

    Model read(InputStream in) throws IOException;
}
