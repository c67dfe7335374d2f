package dev.lathe.tuning.space;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.util.List;

/** One of a fixed list of choices; samples are the choices themselves, never their indices. */
public record CategoricalDistribution(List<Object> choices) implements Distribution {
    public CategoricalDistribution {
        LatheException.check(choices != null && !choices.isEmpty(), "The `choices` must contain one or more elements.");
        choices = List.copyOf(choices);
        for (int i = 0; i < choices.size(); i++) {
            for (int j = 0; j < i; j++) {
                LatheException.check(
                        !String.valueOf(choices.get(i)).equals(String.valueOf(choices.get(j))),
                        "choices must be distinct as logged, but '%s' appears twice",
                        choices.get(i));
            }
        }
    }

    @Override
    public boolean isCategorical() {
        return true;
    }

    @Override
    public double internalLow() {
        return -0.5;
    }

    @Override
    public double internalHigh() {
        return choices.size() - 0.5;
    }

    @Override
    public Object fromInternal(double internal) {
        int i = (int) Math.max(0, Math.min(choices.size() - 1, Math.round(internal)));
        return choices.get(i);
    }

    @Override
    public double toInternal(Object value) {
        int i = choices.indexOf(value);
        LatheException.check(i >= 0, "value '%s' is not one of the choices %s", value, choices);
        return i;
    }

    @Override
    public Object parse(String text) {
        for (Object c : choices) {
            if (String.valueOf(c).equals(text)) {
                return c;
            }
        }
        throw new InvalidParameterException("'" + text + "' is not one of the choices " + choices);
    }

    @Override
    public boolean contains(Object value) {
        return choices.contains(value);
    }
}
