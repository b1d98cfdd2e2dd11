package dev.hotfixlog.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.Config;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.FormField;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.RecordFields;
import dev.hotfixlog.hotfix.RecordSection;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.text.Split;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "set",
        description = {
            "Change fields: set HOTFIX-003 owner=Priya systemsAffected=api,db "
                    + "followUps.postmortem.done=yes rollbackPlan=   (empty clears).",
            "Field names are the API's; nested ones use dots."
        })
final class SetCommand extends AppCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1..*", paramLabel = "FIELD=VALUE", arity = "1..*")
    List<String> assignments;

    @Option(
            names = "--if-version",
            paramLabel = "N",
            description = "Refuse (exit 3) unless the record is still at version N")
    Integer ifVersion;

    SetCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(HotfixService hotfixes, Config config) {
        HotfixId hid = HotfixId.parse(id);
        ObjectNode patch = Json.object();
        CustomFields team = null;
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw ValidationException.of(a, "expected FIELD=VALUE, e.g. owner=Priya");
            }
            String name = a.substring(0, eq).trim();
            String raw = a.substring(eq + 1);
            String top = Split.on(name, ".")[0];
            if (!RecordFields.names().contains(top) || name.startsWith("fields.")) {
                // A team's own field (region=eu, or fields.region=eu): typed by the log's definition of it.
                team = team != null ? team : hotfixes.customFields();
                String field = name.startsWith("fields.") ? name.substring("fields.".length()) : name;
                TeamFieldText.put(patch, team, field, raw);
            } else {
                put(patch, name, raw);
            }
        }
        int version = ifVersion != null ? ifVersion : hotfixes.get(hid).version();
        Hotfix h = hotfixes.edit(hid, version, MergePatch.of(patch), config.actor());
        out().println(h.id() + (h.version() == version ? " unchanged" : " updated") + " (version " + h.version() + ")");
        return ExitCodes.OK;
    }

    /** Builds the nested merge patch member for a dotted path, with the value typed by what the field holds. */
    private static void put(ObjectNode patch, String path, String raw) {
        String[] parts = Split.on(path, ".");
        ObjectNode node = patch;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) && node.get(parts[i]).isObject()
                    ? (ObjectNode) node.get(parts[i])
                    : node.putObject(parts[i]);
        }
        String leaf = parts[parts.length - 1];
        FormField field = parts.length == 1 ? RecordSection.field(path) : null;
        String kind = field == null ? "input" : field.kind();
        if (raw.isEmpty()) {
            node.putNull(leaf);
        } else if (leaf.equals("done") || path.equals("triage.productionDown") || path.equals("triage.canWait")) {
            node.put(leaf, AnswerParser.yesNo(path, raw));
        } else if (kind.equals("list")) {
            ArrayNode list = node.putArray(leaf);
            for (String s : Split.on(raw, ",")) {
                if (!s.isBlank()) {
                    list.add(s.trim());
                }
            }
        } else if (kind.equals("rating")) {
            node.put(leaf, wholeNumber(path, raw));
        } else {
            node.put(leaf, raw);
        }
    }

    private static int wholeNumber(String field, String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.of(field, "'" + raw + "' is not a whole number");
        }
    }

    @Override
    String auditAction() {
        return "set";
    }

    @Override
    String auditSubject() {
        return HotfixId.parse(id).toString();
    }
}
