-- What a whole log page holds outside its entries, kept so a full export gives the page back line for line
-- (issue "Nothing leaked, nothing mangled"): the page's own title, the lines under it (an intro quote, a note),
-- and the sections the log does not read (a team's "Team Notes", the seed's playbook), each where it stood.
-- place: "title", "top", or "after:active" / "after:completed" / "after:patterns"; ordinal keeps their order.
CREATE TABLE IF NOT EXISTS markdown_page (
    place   VARCHAR(40) NOT NULL,
    ordinal INTEGER     NOT NULL,
    text    TEXT        NOT NULL,
    PRIMARY KEY (place, ordinal)
);
