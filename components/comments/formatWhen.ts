/** "just now", "5 min ago", "3 h ago", "Tue 14:05" within a week, else "12 Nov" (with the year when not this year). */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const seconds = (now.getTime() - at.getTime()) / 1000;
  if (!Number.isFinite(seconds)) return "";
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 6 * 3600) return `${Math.floor(seconds / 3600)} h ago`;
  if (seconds < 6 * 86400) return at.toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  return at.toLocaleDateString(undefined, { day: "numeric", month: "short", year: at.getFullYear() === now.getFullYear() ? undefined : "numeric" });
}
