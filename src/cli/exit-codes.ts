/**
 * The exit codes of every command (README, "Exit codes"), the one table they are spelled in:
 * 0 done and nothing found, 1 something found or a check failed, 2 a usage error (unknown
 * command or option, a bad value, nothing that could be looked at), as getopt-style tools do;
 * interrupted, 128 + the signal's number (exit-cleanup.ts `exitCodeFor`: 130 Ctrl-C, 143
 * SIGTERM, 129 SIGHUP); 70 a fault of the lab's own (sysexits' EX_SOFTWARE), never a verdict.
 */
export const EXIT_OK = 0;
export const EXIT_FOUND = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

/** The shell's convention for a command ended by a signal: 128 + its number. */
export const EXIT_SIGNAL: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
