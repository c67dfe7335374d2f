package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.ViewType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A straightforward in-memory evaluation of MLflow's run search over fully loaded runs, written from
 * MLflow's semantics and independent of the SQL: the reference the store's paged search is compared to.
 */
final class ReferenceRunSearch {
    private ReferenceRunSearch() {}

    /** Where a filter clause or order term looks: a metric, param, tag or run attribute. */
    enum Kind {
        METRIC("metrics"),
        PARAM("params"),
        TAG("tags"),
        ATTRIBUTE("attributes");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /** One clause {@code <kind>.<key> <op> <value>}; a metric's value is a number, the others text. */
    record Clause(Kind kind, String key, String op, Object value) {
        String filter() {
            String v = value instanceof String s ? "'" + s + "'" : String.format(Locale.ROOT, "%s", value);
            return kind.prefix + "." + key + " " + op + " " + v;
        }

        boolean matches(Run run) {
            return switch (kind) {
                case METRIC -> {
                    Metric m = run.data().latestMetrics().get(key);
                    if (m == null) {
                        yield false;
                    }
                    yield Double.isNaN(m.value())
                            ? op.equals("!=")
                            : compare(Double.compare(m.value(), (Double) value));
                }
                case PARAM -> text(run.data().params().get(key));
                case TAG -> text(run.data().tags().get(key));
                case ATTRIBUTE -> compare(Long.compare(run.info().startTime(), (Long) value));
            };
        }

        private boolean text(String actual) {
            return actual != null && compare(actual.compareTo((String) value));
        }

        private boolean compare(int c) {
            return switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalArgumentException(op);
            };
        }
    }

    /** One order-by term; attributes supported: start_time, end_time, run_name. */
    record Order(Kind kind, String key, boolean ascending) {
        String orderBy() {
            return kind.prefix + "." + key + (ascending ? " ASC" : " DESC");
        }

        /** Present values first in either direction (NaN metrics after numbers), missing last. */
        Comparator<Run> comparator() {
            return switch (kind) {
                case METRIC -> Comparator.<Run>comparingInt(
                                r -> metricClass(r.data().latestMetrics().get(key)))
                        .thenComparing(present(
                                r -> metricValue(r.data().latestMetrics().get(key))));
                case PARAM -> present(r -> r.data().params().get(key));
                case TAG -> present(r -> r.data().tags().get(key));
                case ATTRIBUTE -> switch (key) {
                    case "start_time" -> present(r -> r.info().startTime());
                    case "end_time" -> present(r -> boxed(r.info().endTime()));
                    case "run_name" -> present(r -> r.info().runName());
                    default -> throw new IllegalArgumentException(key);
                };
            };
        }

        private <T extends Comparable<T>> Comparator<Run> present(Function<Run, T> value) {
            Comparator<T> dir = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
            return Comparator.comparing(value, Comparator.nullsLast(dir));
        }

        private static int metricClass(Metric m) {
            return m == null ? 2 : Double.isNaN(m.value()) ? 1 : 0;
        }

        /** The value compared: null for missing and NaN (both alone in their class). */
        private static Double metricValue(Metric m) {
            return m == null || Double.isNaN(m.value()) ? null : m.value();
        }

        private static Long boxed(OptionalLong v) {
            return v.isPresent() ? v.getAsLong() : null;
        }
    }

    /** The runs matching every clause, in MLflow's order: the terms, start_time DESC unless ordered, run id. */
    static List<String> search(
            List<Run> runs, List<String> experimentIds, ViewType view, List<Clause> clauses, List<Order> orders) {
        List<Run> hits = new ArrayList<>();
        for (Run run : runs) {
            if (experimentIds.contains(run.info().experimentId())
                    && view.includes(run.info().lifecycleStage())
                    && clauses.stream().allMatch(c -> c.matches(run))) {
                hits.add(run);
            }
        }
        Comparator<Run> order = (a, b) -> 0;
        for (Order o : orders) {
            order = order.thenComparing(o.comparator());
        }
        if (orders.stream().noneMatch(o -> o.kind() == Kind.ATTRIBUTE && o.key().equals("start_time"))) {
            order = order.thenComparing(
                    Comparator.comparingLong((Run r) -> r.info().startTime()).reversed());
        }
        order = order.thenComparing(r -> r.info().runId());
        hits.sort(order);
        return hits.stream().map(r -> r.info().runId()).toList();
    }
}
