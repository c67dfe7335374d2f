package dev.lathe.trainers.modelfile;

/** Records its own initialisation: named as the model class of a crafted Tribuo file. */
final class TopLevelTripwire {
    static {
        Tripwires.INITIALISED.add(TopLevelTripwire.class.getName());
    }

    private TopLevelTripwire() {}
}
