package dev.hotfixlog.hotfix;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum constant with an API name ({@code followUps.postmortem}) and a label from the seed template: the one
 * implementation of the step and follow-up kinds' names, and of finding a constant by its API name.
 */
interface JsonNamed {
    /** The two names of a constant: the one thing each such enum holds (its constructor's arguments). */
    record Names(String json, String label) {}

    Names names();

    default String json() {
        return names().json();
    }

    default String label() {
        return names().label();
    }

    static <E extends Enum<E> & JsonNamed> Optional<E> byJson(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.json().equals(name))
                .findFirst();
    }

    static <E extends Enum<E> & JsonNamed> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(JsonNamed::json).collect(Collectors.joining(", "));
    }
}
