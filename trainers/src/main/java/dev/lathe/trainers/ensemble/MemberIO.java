package dev.lathe.trainers.ensemble;

import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.PayloadInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic part of every ensemble payload: member models written with core's
 * {@link ModelIO#toBytes} (header naming each member's kind) and read back through the codec
 * registry, so an ensemble can hold any model kind on the class path, ensembles included.
 */
final class MemberIO {
    private MemberIO() {}

    static void writeMembers(List<? extends Model> members, DataOutputStream out) throws IOException {
        out.writeInt(members.size());
        for (Model m : members) {
            ModelPayloads.writeBlock(ModelIO.toBytes(m), out);
        }
    }

    static List<Model> readMembers(PayloadInput in) {
        // Every member is a length-prefixed model file: at least its 4-byte length.
        int n = in.readCount("ensemble.member_count", Integer.BYTES);
        List<Model> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(ModelIO.readNested(in, "ensemble.member[" + i + "]"));
        }
        return members;
    }
}
