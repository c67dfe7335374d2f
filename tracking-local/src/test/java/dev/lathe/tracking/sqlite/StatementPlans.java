package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Records the SQL a search issues and checks with EXPLAIN QUERY PLAN that none of it scans a table in full. */
final class StatementPlans {
    private static final Set<String> SQL_WORDS = Set.of(
            "WHERE", "ON", "JOIN", "LEFT", "INNER", "CROSS", "ORDER", "GROUP", "LIMIT", "AND", "OR", "USING", "SET",
            "VALUES", "UNION");

    private StatementPlans() {}

    /** A view of {@code c} that records the SQL of every statement prepared or created through it. */
    static Connection recording(Connection c, List<String> sql) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")
                            || method.getName().equals("prepareCall")) {
                        sql.add((String) args[0]);
                    } else if (method.getName().equals("createStatement")) {
                        sql.add("<statement>");
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Fails when the plan of {@code statement} has a {@code SCAN} of one of {@code tables} or an alias of one. */
    static void assertNoFullScan(SqliteTrackingStore store, String statement, Set<String> tables) {
        Set<String> forbidden = new HashSet<>(tables);
        Matcher m = Pattern.compile("\\b(" + String.join("|", tables) + ")\\s+(?:AS\\s+)?([A-Za-z_][A-Za-z0-9_]*)")
                .matcher(statement);
        while (m.find()) {
            if (!SQL_WORDS.contains(m.group(2).toUpperCase(Locale.ROOT))) {
                forbidden.add(m.group(2));
            }
        }
        List<String> plan =
                store.db().read(c -> Sql.query(c, "EXPLAIN QUERY PLAN " + statement, rs -> rs.getString(4)));
        assertFalse(plan.isEmpty());
        for (String step : plan) {
            String[] words = step.trim().split("\\s+");
            boolean fullScan = words[0].equals("SCAN") && words.length > 1 && forbidden.contains(words[1]);
            assertFalse(fullScan, "full scan '" + step + "' in plan " + plan + " of: " + statement);
        }
    }
}
