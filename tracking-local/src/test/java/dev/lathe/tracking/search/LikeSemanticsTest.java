package dev.lathe.tracking.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the SQLite translation of LIKE (GLOB) and ILIKE ({@code lower() LIKE lower()}) against an
 * independent reference: MLflow's in-memory rule, i.e. an anchored regular expression where {@code %}
 * is {@code .*} and {@code _} is {@code .}, every other character literal.
 */
class LikeSemanticsTest {
    private static final long SEED = 20_231_125L;
    private static final int CASES = 4000;
    private static final String ALPHABET = "aAbB%_*?[]^-.\\";

    private SearchTestDb db;

    @BeforeEach
    void open() throws SQLException {
        db = new SearchTestDb();
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private static Pattern reference(String like, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : like.toCharArray()) {
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
    }

    private boolean sqlite(CompareOp op, String value, String pattern) throws SQLException {
        List<Object> bindings = new ArrayList<>();
        bindings.add(value);
        String cond = SqlPredicates.compare("?", op, new FilterValue.Text(pattern), bindings);
        try (PreparedStatement ps = db.connection.prepareStatement("SELECT " + cond)) {
            for (int i = 0; i < bindings.size(); i++) {
                ps.setObject(i + 1, bindings.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private static String random(Random rnd, int maxLen, String alphabet) {
        int len = rnd.nextInt(maxLen + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String instantiate(Random rnd, String pattern) {
        StringBuilder sb = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '%') {
                sb.append(random(rnd, 3, "ab%_"));
            } else if (c == '_') {
                sb.append("aB_%".charAt(rnd.nextInt(4)));
            } else {
                sb.append(rnd.nextInt(4) == 0 ? flipCase(c) : c);
            }
        }
        return sb.toString();
    }

    private static char flipCase(char c) {
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    }

    @Test
    void randomPatternsAgreeWithTheRegexReference() throws SQLException {
        Random rnd = new Random(SEED);
        int matches = 0;
        for (int i = 0; i < CASES; i++) {
            String pattern = random(rnd, 5, ALPHABET);
            // Half the values instantiate the pattern (with random case flips) so matches are frequent.
            String value = rnd.nextBoolean() ? instantiate(rnd, pattern) : random(rnd, 6, "aAbB*?[]^-.\\");
            boolean like = reference(pattern, false).matcher(value).matches();
            boolean ilike = reference(pattern, true).matcher(value).matches();
            assertEquals(like, sqlite(CompareOp.LIKE, value, pattern), "LIKE '" + pattern + "' on '" + value + "'");
            assertEquals(ilike, sqlite(CompareOp.ILIKE, value, pattern), "ILIKE '" + pattern + "' on '" + value + "'");
            matches += ilike ? 1 : 0;
        }
        // Guard against a vacuous test: a fair share of the cases must match.
        assertEquals(true, matches > CASES / 5, "only " + matches + " matching cases");
    }

    @Test
    void globTranslationBracketsMetacharacters() {
        assertEquals("a*b?[*][?][[]]", SqlPredicates.likeToGlob("a%b_*?[]"));
    }
}
