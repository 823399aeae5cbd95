/**
 * The work that makes a release ready besides building it, recognised by lane name or tag:
 * "Testing", "QA", "Quality"; "Communication", "Comms"; "Go-to-market", "GTM", "Marketing", "Sales".
 */
export const READINESS_PATTERNS: readonly RegExp[] = [
  /test|\bqa\b|quality/i,
  /communic|\bcomms?\b/i,
  /go[- ]?to[- ]?market|\bgtm\b|marketing|\bsales\b/i,
];

/** True when a lane name or a tag names readiness work. */
export const matchesReadiness = (text: string): boolean => READINESS_PATTERNS.some((p) => p.test(text));
