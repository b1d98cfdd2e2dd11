package dev.hotfixlog.migrate;

import dev.hotfixlog.support.TestMariaDb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Morgue's schema as its repository creates it (schemas/*.sql and the migrations that added categories, tldr,
 * why_surprised, meeting notes and history diffs), filled with postmortems one every 16 hours from
 * {@link Fixtures#FIRST}: every tenth still open (no end time), number 3 deleted, number 5 without any time.
 */
final class MorgueFixture {
    private MorgueFixture() {}

    static void schema(TestMariaDb db) {
        db.exec(
                """
                CREATE TABLE postmortems (
                  id bigint(20) NOT NULL AUTO_INCREMENT,
                  title varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
                  summary longtext NOT NULL,
                  why_surprised longtext,
                  tldr text,
                  starttime int(11) UNSIGNED NOT NULL,
                  endtime int(11) UNSIGNED NOT NULL,
                  statustime int(11) UNSIGNED NOT NULL,
                  detecttime int(11) UNSIGNED NOT NULL,
                  severity int(1) UNSIGNED NOT NULL,
                  gcal text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
                  contact varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT '',
                  deleted tinyint(1) NOT NULL DEFAULT '0',
                  subsystem varchar(50) NOT NULL DEFAULT '',
                  owner_team varchar(50) NOT NULL DEFAULT '',
                  problem_type varchar(50) NOT NULL DEFAULT '',
                  impact_type varchar(50) NOT NULL DEFAULT '',
                  incident_cause varchar(50) NOT NULL DEFAULT '',
                  meeting_notes_link varchar(255) DEFAULT NULL,
                  PRIMARY KEY (id)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
                """
                CREATE TABLE tags (
                  id bigint(20) NOT NULL AUTO_INCREMENT,
                  title varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
                  deleted tinyint(1) NOT NULL DEFAULT '0',
                  PRIMARY KEY (id)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
                """
                CREATE TABLE postmortem_referenced_tags (
                  postmortem_id bigint(20) NOT NULL,
                  tag_id bigint(20) NOT NULL,
                  deleted tinyint(1) NOT NULL DEFAULT '0',
                  PRIMARY KEY (postmortem_id, tag_id)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
                """
                CREATE TABLE postmortem_history (
                  id bigint(20) NOT NULL AUTO_INCREMENT,
                  postmortem_id bigint(20) NOT NULL,
                  auth_username varchar(128) NOT NULL,
                  action VARCHAR(32) NOT NULL,
                  create_date int(11) UNSIGNED NOT NULL,
                  summary longtext,
                  why_surprised longtext,
                  PRIMARY KEY (id)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
                """
                CREATE TABLE jira (
                  id bigint(20) NOT NULL AUTO_INCREMENT,
                  postmortem_id bigint(20) NOT NULL,
                  ticket varchar(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
                  deleted tinyint(1) NOT NULL DEFAULT '0',
                  PRIMARY KEY (id)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
                """
                CREATE TABLE images (
                  id bigint(20) NOT NULL AUTO_INCREMENT,
                  postmortem_id bigint(20) NOT NULL,
                  image_link varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
                  deleted tinyint(1) NOT NULL DEFAULT '0',
                  PRIMARY KEY (id)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
                "INSERT INTO tags (id, title) VALUES (1, 'database'), (2, 'payments'), (3, 'retired-tag')",
                "UPDATE tags SET deleted = 1 WHERE id = 3");
    }

    static long detect(int i) {
        return Fixtures.FIRST.plusSeconds(16L * 3600 * i).getEpochSecond();
    }

    /** Postmortems 1..n (ids equal to i). */
    static void fill(TestMariaDb db, int n) {
        List<String> sql = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            long detect = i == 5 ? 0 : detect(i);
            long start = i == 5 ? 0 : detect - 600;
            long end = i % 10 == 0 || i == 5 ? 0 : detect + 38 * 60;
            String summary = i == 10
                    ? "The deploy key leaked: " + Fixtures.GITHUB_TOKEN
                    : "Requests queued behind the pool for 38 minutes.";
            sql.add(String.format(
                    "INSERT INTO postmortems (id, title, summary, why_surprised, tldr, starttime, endtime,"
                            + " statustime, detecttime, severity, gcal, contact, deleted, subsystem, owner_team, problem_type,"
                            + " impact_type, incident_cause, meeting_notes_link) VALUES (%d, '%s', '%s', %s, %s, %d, %d, %d, %d,"
                            + " %d, NULL, 'priya', %d, '%s', 'payments-team', '%s', 'Customer facing', '%s', %s)",
                    i,
                    Fixtures.title(i),
                    summary,
                    i % 2 == 0 ? "'We thought the pool grew on its own.'" : "NULL",
                    i % 2 == 0 ? "'Pool exhausted; raised max and added an alert.'" : "NULL",
                    start,
                    end,
                    end,
                    detect,
                    1 + i % 5,
                    i == 3 ? 1 : 0,
                    Fixtures.SERVICES[i % 3],
                    i % 3 == 0 ? "Database connection failures" : "Configuration rollout",
                    "Pool max of 20 under peak load",
                    i % 6 == 0 ? "'https://docs.example.com/pm/" + i + "'" : "NULL"));
            sql.add("INSERT INTO postmortem_referenced_tags (postmortem_id, tag_id) VALUES (" + i + ", 1), (" + i
                    + ", 3)");
            sql.add("INSERT INTO postmortem_history (postmortem_id, auth_username, action, create_date) VALUES (" + i
                    + ", 'priya', 'create', " + (detect + 7200) + "), (" + i + ", 'jonas', 'update', " + (detect + 9000)
                    + ")");
            if (i % 4 == 0) {
                sql.add("INSERT INTO jira (postmortem_id, ticket) VALUES (" + i + ", 'OPS-" + i + "'), (" + i
                        + ", 'OPS-" + (i + 1000) + "')");
            }
            if (i % 7 == 0) {
                sql.add("INSERT INTO images (postmortem_id, image_link) VALUES (" + i
                        + ", 'https://morgue.example.com/img/" + i + ".png')");
            }
        }
        db.exec(sql.toArray(String[]::new));
    }

    static Instant detected(int i) {
        return Instant.ofEpochSecond(detect(i));
    }
}
