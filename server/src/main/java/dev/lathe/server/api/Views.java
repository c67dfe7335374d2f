package dev.lathe.server.api;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.server.http.Fields;
import java.util.Locale;

/** Reads MLflow's {@code ViewType} field of a search: by name, or by protobuf number (1, 2, 3). */
final class Views {
    private Views() {}

    static ViewType of(Fields f, String field) {
        String text = f.optString(field).orElse("ACTIVE_ONLY").toUpperCase(Locale.ROOT);
        return switch (text) {
            case "ACTIVE_ONLY", "1" -> ViewType.ACTIVE_ONLY;
            case "DELETED_ONLY", "2" -> ViewType.DELETED_ONLY;
            case "ALL", "3" -> ViewType.ALL;
            default -> throw new InvalidParameterException("Invalid value '" + text + "' for parameter '" + field
                    + "': expected ACTIVE_ONLY, DELETED_ONLY or ALL");
        };
    }
}
