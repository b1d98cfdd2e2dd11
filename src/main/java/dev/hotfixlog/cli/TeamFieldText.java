package dev.hotfixlog.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.CustomField;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.RecordFields;

/** A team field as typed on a command line ({@code region=eu}, {@code customerFacing=yes}), made JSON. */
final class TeamFieldText {
    private TeamFieldText() {}

    /** Puts {@code NAME=VALUE} typed as the log defines the field, under {@code fields}. */
    static void put(ObjectNode patch, CustomFields team, String name, String raw) {
        CustomField f = team.get(name)
                .orElseThrow(() -> ValidationException.of(
                        name,
                        "is not a field of a hotfix;"
                                + " the built-in ones are " + String.join(", ", RecordFields.names())
                                + (team.isEmpty()
                                        ? ""
                                        : "; this log's own: "
                                                + String.join(
                                                        ", ",
                                                        team.all().stream()
                                                                .map(CustomField::name)
                                                                .toList()))));
        ObjectNode fields = patch.has("fields") ? (ObjectNode) patch.get("fields") : patch.putObject("fields");
        fields.set(name, f.fromText(raw));
    }
}
