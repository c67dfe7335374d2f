package dev.lathe.tracking.search;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.RunQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * A typed {@link RunQuery} written in MLflow's filter grammar ({@code tags.`k` = 'v' and
 * attributes.status = 'S'}, quotes doubled), so that the store answers it with its one run search.
 */
public final class RunQueryFilter {
    /** The order a run query's results come in: newest first. */
    public static final List<String> ORDER = List.of("attributes.start_time DESC");

    private RunQueryFilter() {}

    /** The filter string that selects exactly the runs {@code query} asks for. */
    public static String of(RunQuery query) {
        List<String> clauses = new ArrayList<>();
        query.tags().forEach((k, v) -> {
            LatheException.check(!k.contains("`"), "tag key must not contain a backtick, got '%s'", k);
            clauses.add("tags.`" + k + "` = '" + v.replace("'", "''") + "'");
        });
        query.status().ifPresent(s -> clauses.add("attributes.status = '" + s.name() + "'"));
        return String.join(" and ", clauses);
    }
}
