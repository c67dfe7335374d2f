package dev.lathe.tracking.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a meta.yaml as MLflow's {@code read_yaml} does ({@code yaml.load(..., Loader=YamlSafeLoader)},
 * mlflow/utils/file_utils.py): with SnakeYAML's safe loader, the Java port of PyYAML's YAML 1.1 resolver.
 */
final class MetaYaml {
    private MetaYaml() {}

    static Map<String, Object> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static Map<String, Object> parse(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    /** The keys in file order, to check they are sorted as {@code yaml.safe_dump(sort_keys=True)} writes them. */
    static List<String> keys(Path file) throws IOException {
        return new ArrayList<>(read(file).keySet());
    }
}
