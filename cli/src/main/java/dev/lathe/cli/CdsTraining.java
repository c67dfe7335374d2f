package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.LatheServer;
import dev.lathe.serving.ModelServer;
import dev.lathe.serving.ServeSettings;
import dev.lathe.serving.ServedModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The run the {@code lathe} script records into its class-data sharing archive once per build: the
 * demo into a throwaway store, then {@code lathe ui}'s server answering its first pages, then {@code
 * lathe serve} serving a registered ridge and XGBoost pipeline (Netty, the registry, reading and walking
 * boosted trees) answering {@code /ping} and a one-row request, so that these commands start from mapped,
 * verified classes. {@code CdsTraining STORE_DIR}.
 */
final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        LatheCli.startup();
        String store = args[0];
        int code = LatheCli.execute("demo", "--store", store);
        if (code != 0) {
            System.exit(code);
        }
        try (TrackingStore tracker = StoreAddress.of(store).open();
                LatheServer server = LatheServer.start(tracker, new InetSocketAddress("127.0.0.1", 0))) {
            HttpClient http = HttpClient.newHttpClient();
            for (String page : List.of("/", "/ajax-api/2.0/mlflow/experiments/search?max_results=10")) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(server.uri() + page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                LatheException.check(r.statusCode() == 200, "%s answered %d: %s", page, r.statusCode(), r.body());
            }
        }
        // lathe serve, as it starts: a ridge and a two-round XGBoost pipeline registered, loaded through
        // the registry and scored through Netty (the classes that read and walk boosted trees included)
        String train = DemoCommand.bundled("green_tripdata_2023-01.parquet").toString();
        String valid = DemoCommand.bundled("green_tripdata_2023-02.parquet").toString();
        for (String[] trainer :
                List.of(new String[] {"ridge", "alpha=1"}, new String[] {"xgboost", "num_boost_round=2"})) {
            String name = "cds-" + trainer[0];
            code = LatheCli.execute(
                    "train",
                    "--store",
                    store,
                    "--trainer",
                    trainer[0],
                    "-P",
                    trainer[1],
                    "--train",
                    train,
                    "--valid",
                    valid,
                    "--register",
                    name,
                    "--alias",
                    "champion");
            if (code != 0) {
                System.exit(code);
            }
            ServeSettings settings = ServeSettings.defaults().withAddress(new InetSocketAddress("127.0.0.1", 0));
            try (TrackingStore tracker = StoreAddress.of(store).openForReading();
                    ModelServer server =
                            ModelServer.start(ServedModel.load("models:/" + name + "@champion", tracker), settings)) {
                HttpClient http = HttpClient.newHttpClient();
                for (HttpRequest request : List.of(
                        HttpRequest.newBuilder(URI.create(server.uri() + "/ping"))
                                .build(),
                        HttpRequest.newBuilder(URI.create(server.uri() + "/invocations"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"dataframe_split\": {\"columns\": "
                                        + "[\"PULocationID\", \"DOLocationID\", \"trip_distance\"], "
                                        + "\"data\": [[74, 265, 10.8]]}}"))
                                .build())) {
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    LatheException.check(
                            r.statusCode() == 200, "%s answered %d: %s", request, r.statusCode(), r.body());
                }
            }
        }
        System.exit(0);
    }
}
