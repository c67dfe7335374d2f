package dev.lathe.trainers.boosted;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelCodec;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.PayloadInput;
import java.util.List;

/** Reads {@link XGBoostModel}s ("xgboost" kind): provenance, names, best iteration, UBJSON booster. */
public final class XGBoostModelCodec implements ModelCodec {
    @Override
    public String kind() {
        return XGBoostModel.KIND;
    }

    @Override
    public Model read(PayloadInput in) {
        int version = in.readInt("xgboost.payload_version");
        LatheException.check(
                version == 1 || version == XGBoostModel.PAYLOAD_VERSION,
                "xgboost model payload version must be 1 or %d, got %d",
                XGBoostModel.PAYLOAD_VERSION,
                version);
        ModelProvenance provenance = ModelPayloads.read(in);
        List<String> names = ModelPayloads.readNames(in);
        int bestIteration = in.readInt("xgboost.best_iteration");
        int rounds = in.readInt("xgboost.rounds");
        int parallel = in.readInt("xgboost.parallel_trees");
        // Version 1 predates column subsets: its boosters saw every column.
        ColumnSubset columns = version == 1 ? ColumnSubset.all(names.size()) : ColumnSubset.read(in);
        byte[] ubj = in.readBlock("xgboost.booster");
        Object tree = UbjsonCheck.read(ubj, in, "xgboost.booster");
        BoosterCheck.check(tree, in);
        BoosterHandle booster = BoosterHandle.lazy(ubj, in.source());
        XGBoostModel model = new XGBoostModel(booster, bestIteration, rounds, parallel, names, columns, provenance);
        // The walk is read from the checked UBJSON; only a booster it cannot walk is loaded now (which
        // also has XGBoost's own reader vet it before the first request).
        if (!model.walkFrom(tree)) {
            booster.get();
        }
        return model;
    }
}
