package dev.lathe.examples.search;

import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.tuning.SearchListener;
import java.nio.file.Path;
import java.util.Optional;

/** Child JVM of the kill-and-resume test: runs the fixture search into the store at args[0]. */
public final class ResumableSearchMain {
    private ResumableSearchMain() {}

    public static void main(String[] args) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(Path.of(args[0]))) {
            ResumeFixture.study(store, true, new SearchListener() {
                        @Override
                        public void searchStarted(Optional<String> parentRunId) {
                            System.out.println("PARENT " + parentRunId.orElseThrow());
                            System.out.flush();
                        }
                    })
                    .run();
        }
    }
}
