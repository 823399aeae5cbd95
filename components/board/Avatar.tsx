import { inkOn } from "../ui/inkOn";

/** Initials on the person's colour: enough to tell a dozen workshop participants apart. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : (parts[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}

export function Avatar({ name, color, size = 28 }: { name: string; color: string; size?: number }) {
  return (
    <span
      aria-hidden
      className="inline-flex shrink-0 items-center justify-center rounded-full text-[11px] font-semibold ring-2 ring-white dark:ring-slate-900"
      style={{ background: color, color: inkOn(color), width: size, height: size }}
    >
      {initials(name)}
    </span>
  );
}
