package dev.lathe.trainers.modelfile;

/**
 * Records its own initialisation; its name has the length of {@code org.tribuo.provenance.ModelProvenance}
 * so a test can swap it into a serialized Tribuo provenance without changing any length prefix.
 */
final class Tripwire {
    static {
        Tripwires.INITIALISED.add(Tripwire.class.getName());
    }

    private Tripwire() {}
}
