package dev.lathe.cli;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.tracking.ViewType;
import java.util.Locale;

/** Parses {@code --view active|deleted|all} into the store's view of lifecycle stages. */
final class ViewOption {
    private ViewOption() {}

    static ViewType parse(String view) {
        return switch (view == null ? "" : view.toLowerCase(Locale.ROOT)) {
            case "active" -> ViewType.ACTIVE_ONLY;
            case "deleted" -> ViewType.DELETED_ONLY;
            case "all" -> ViewType.ALL;
            default -> throw new InvalidParameterException("--view must be active, deleted or all, got '" + view + "'");
        };
    }
}
