// Bump whenever a rule change can alter any run: replays record it and refuse a mismatch.
export const RULES_VERSION = 3;
