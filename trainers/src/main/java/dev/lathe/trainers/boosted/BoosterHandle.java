package dev.lathe.trainers.boosted;

import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * XGBoost's native booster, or its UBJSON bytes until first use: a loaded model that Lathe's tree walk
 * serves never loads xgboost4j's native library (about half of {@code lathe serve}'s start for the
 * course's model); importance, large inputs or an unwalkable booster load it on demand.
 */
final class BoosterHandle {
    private final byte[] ubj;
    private final String source;
    private volatile Booster booster;

    private BoosterHandle(Booster booster, byte[] ubj, String source) {
        this.booster = booster;
        this.ubj = ubj;
        this.source = source;
    }

    /** A booster already loaded (a fit). */
    static BoosterHandle of(Booster booster) {
        return new BoosterHandle(booster, null, null);
    }

    /** The booster saved as {@code ubj} (already checked), loaded on first use; {@code source} names it in errors. */
    static BoosterHandle lazy(byte[] ubj, String source) {
        return new BoosterHandle(null, ubj, source);
    }

    /** The native booster, loaded now if it was not. */
    Booster get() {
        Booster b = booster;
        if (b == null) {
            synchronized (this) {
                b = booster;
                if (b == null) {
                    try {
                        b = XGBoost.loadModel(ubj);
                        b.setParam("verbosity", "0");
                    } catch (XGBoostError | java.io.IOException e) {
                        throw new DataException(
                                source + ": cannot load xgboost booster from " + ubj.length + " UBJSON bytes: " + e, e);
                    }
                    booster = b;
                }
            }
        }
        return b;
    }

    /** Whether the native booster has been loaded (a fit's always is). */
    boolean loaded() {
        return booster != null;
    }

    /** The booster in UBJSON: the bytes it was loaded from while it is not loaded, else XGBoost's save. */
    byte[] ubj() {
        if (booster == null) {
            return ubj.clone();
        }
        try {
            return booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new LatheException("cannot serialise xgboost booster: " + e, e);
        }
    }
}
