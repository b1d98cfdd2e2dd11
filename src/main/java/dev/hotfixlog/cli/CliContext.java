package dev.hotfixlog.cli;

import java.time.Clock;
import java.util.Map;

/** What every command is constructed with: the environment it reads settings from, the clock, the terminal. */
record CliContext(Map<String, String> env, Clock clock, Terminal terminal) {}
