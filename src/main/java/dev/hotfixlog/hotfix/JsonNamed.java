package dev.hotfixlog.hotfix;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum constant with an API name ({@code followUps.postmortem}) and a label from the seed template. */
interface JsonNamed {
    String json();

    String label();

    static <E extends Enum<E> & JsonNamed> Optional<E> byJson(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.json().equals(name))
                .findFirst();
    }

    static <E extends Enum<E> & JsonNamed> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(JsonNamed::json).collect(Collectors.joining(", "));
    }
}
