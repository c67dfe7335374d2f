package dev.lathe.trainers.boosted;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;

/** Child process of {@link NoStdoutTest}: fits with a validation set, then prints only to stderr. */
public final class QuietFitMain {
    private QuietFitMain() {}

    public static void main(String[] args) {
        Dataset train = TestData.taxiLike("train", 300, 5, 1.0, 1);
        Dataset valid = TestData.taxiLike("valid", 200, 5, 1.0, 2);
        XGBoostModel m = new XGBoostTrainer(XGBoostParams.builder(30)
                        .earlyStoppingRounds(5)
                        .nthread(1)
                        .build())
                .fit(train, FitContext.builder().validation(valid).build());
        System.err.println("rounds=" + m.roundsTrained());
    }
}
