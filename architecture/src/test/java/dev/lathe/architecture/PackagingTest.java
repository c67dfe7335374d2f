package dev.lathe.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a user's project sees of the build: the BOM manages every library module at the build's
 * version, and the POMs and the checkout carry the Apache-2.0 licence.
 */
class PackagingTest {
    /** Modules that are not libraries a user depends on: the BOM itself, tutorials, benchmarks, these rules. */
    private static final Set<String> NOT_PUBLISHED = Set.of("bom", "examples", "bench", "architecture");

    private static final Path ROOT = root();

    @Test
    void theBomManagesEveryLibraryModuleAtTheBuildsVersion() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        String version = child(parent, "version");
        Element bom = pom(ROOT.resolve("bom/pom.xml"));
        assertEquals("lathe-bom", child(bom, "artifactId"));
        assertEquals(version, child(bom, "version"), "bom/pom.xml's version follows the parent's");
        assertTrue(bom.getElementsByTagName("parent").getLength() == 0, "the BOM has no parent to leak");

        Set<String> expected = new TreeSet<>();
        for (String module : texts(parent, "module")) {
            if (!NOT_PUBLISHED.contains(module)) {
                expected.add(child(pom(ROOT.resolve(module).resolve("pom.xml")), "artifactId"));
            }
        }
        Set<String> managed = new TreeSet<>();
        NodeList deps = bom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            assertEquals("dev.lathe", child(d, "groupId"));
            assertEquals("${project.version}", child(d, "version"));
            managed.add(child(d, "artifactId"));
        }
        assertEquals(expected, managed);
    }

    @Test
    void pomsAndTheCheckoutCarryTheApacheLicence() throws Exception {
        for (Path pom : List.of(ROOT.resolve("pom.xml"), ROOT.resolve("bom/pom.xml"))) {
            assertEquals(
                    List.of("Apache-2.0"),
                    texts(pom(pom), "name").stream()
                            .filter(n -> n.startsWith("Apache"))
                            .toList(),
                    pom + " declares the licence");
        }
        String licence = Files.readString(ROOT.resolve("LICENSE"));
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"));
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("bom"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    private static Element pom(Path file) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return doc.getDocumentElement();
    }

    /** The text of a direct child element. */
    private static String child(Element e, String name) throws IOException {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c.getTextContent().trim();
            }
        }
        throw new IOException("<" + e.getTagName() + "> has no <" + name + ">");
    }

    private static List<String> texts(Element e, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = e.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }
}
