package dev.lathe.trainers.modelfile;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The test classes whose static initialiser ran: a class named by a model file must never get here. */
final class Tripwires {
    static final Set<String> INITIALISED = ConcurrentHashMap.newKeySet();

    private Tripwires() {}
}
