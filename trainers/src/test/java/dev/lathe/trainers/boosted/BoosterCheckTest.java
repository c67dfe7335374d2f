package dev.lathe.trainers.boosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.DataException;
import dev.lathe.core.model.PayloadInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * XGBoost's native loader crashes the JVM on a malformed booster (found by {@code ModelFilePropertiesTest}:
 * SIGSEGV in {@code UBJReader::ParseArray} and {@code RegTree::LoadModel}); these checks turn such blocks
 * into Lathe errors first, and accept every booster Lathe writes.
 */
class BoosterCheckTest {
    private static final PayloadInput IN = new PayloadInput(new byte[0], 0, "m.lathe", "");

    private static Object realBooster() {
        XGBoostModel m =
                new XGBoostTrainer(XGBoostParams.builder(3).build()).fit(TestData.taxiLike("train", 200, 3, 1.0, 2));
        return UbjsonCheck.read(m.boosterBytes(), IN, "xgboost.booster");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> treeArray(Object booster, String name) {
        Map<String, Object> learner = (Map<String, Object>) ((Map<String, Object>) booster).get("learner");
        Map<String, Object> gb = (Map<String, Object>) learner.get("gradient_booster");
        Map<String, Object> model = (Map<String, Object>) gb.get("model");
        Map<String, Object> tree = (Map<String, Object>) ((List<Object>) model.get("trees")).get(0);
        List<Object> copy = new ArrayList<>((List<Object>) tree.get(name));
        tree.put(name, copy);
        return copy;
    }

    @Test
    void aBoosterLatheWroteIsAccepted() {
        BoosterCheck.check(realBooster(), IN);
    }

    @Test
    void aChildOutsideTheTreeIsRejected() {
        Object b = realBooster();
        treeArray(b, "left_children").set(0, 1_000_000L);
        DataException e = assertThrows(DataException.class, () -> BoosterCheck.check(b, IN));
        assertTrue(
                e.getMessage().startsWith("m.lathe: field xgboost.booster has trees[0].left_children"), e.getMessage());
        assertTrue(e.getMessage().contains("1000000"), e.getMessage());
    }

    @Test
    void aShortNodeArrayAndAForeignSplitFeatureAreRejected() {
        Object shortArray = realBooster();
        treeArray(shortArray, "parents").remove(1);
        assertThrows(DataException.class, () -> BoosterCheck.check(shortArray, IN));
        Object feature = realBooster();
        treeArray(feature, "split_indices").set(0, 4096L);
        assertThrows(DataException.class, () -> BoosterCheck.check(feature, IN));
    }

    @Test
    void aUbjsonCountBeyondTheBlockIsRejected() {
        // [ $ d # l <2^30> then 8 bytes: 2^30 floats claimed
        byte[] ubj = {'[', '$', 'd', '#', 'l', 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        DataException e = assertThrows(DataException.class, () -> UbjsonCheck.read(ubj, IN, "xgboost.booster"));
        assertEquals(
                "m.lathe: field xgboost.booster has a length of 1073741824 at byte 9, but only 8 bytes remain",
                e.getMessage());
    }
}
