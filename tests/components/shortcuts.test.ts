import { describe, expect, it } from "vitest";
import { isLaserKey, shortcutFor, shortcutHelp, stepScale, type KeyPress } from "../../components/roadmap/toolbar/shortcuts";

const press = (key: string, mods: Partial<Omit<KeyPress, "key">> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("keyboard shortcuts", () => {
  it.each([
    ["Ctrl+Z undoes", press("z", { ctrlKey: true }), { kind: "undo" }],
    ["⌘Z undoes", press("z", { metaKey: true }), { kind: "undo" }],
    ["Ctrl+Shift+Z redoes (the key arrives as a capital)", press("Z", { ctrlKey: true, shiftKey: true }), { kind: "redo" }],
    ["⌘⇧Z redoes", press("z", { metaKey: true, shiftKey: true }), { kind: "redo" }],
    ["Ctrl+Y redoes", press("y", { ctrlKey: true }), { kind: "redo" }],
    ["Ctrl+D duplicates", press("d", { ctrlKey: true }), { kind: "duplicate" }],
    ["⌘D duplicates", press("d", { metaKey: true }), { kind: "duplicate" }],
    ["Delete deletes", press("Delete"), { kind: "delete" }],
    ["Backspace deletes", press("Backspace"), { kind: "delete" }],
    ["1 zooms to weeks", press("1"), { kind: "zoom", scale: "weeks" }],
    ["2 zooms to months", press("2"), { kind: "zoom", scale: "months" }],
    ["3 zooms to quarters", press("3"), { kind: "zoom", scale: "quarters" }],
    ["+ zooms in", press("+", { shiftKey: true }), { kind: "zoomStep", step: -1 }],
    ["= (the + key unshifted) zooms in", press("="), { kind: "zoomStep", step: -1 }],
    ["- zooms out", press("-"), { kind: "zoomStep", step: 1 }],
    ["? opens the help", press("?", { shiftKey: true }), { kind: "help" }],
  ])("%s", (_name, key, action) => {
    expect(shortcutFor(key)).toEqual(action);
  });

  it.each([
    ["plain letters", press("z")],
    ["Alt combinations (left to the system)", press("z", { ctrlKey: true, altKey: true })],
    ["Ctrl+Shift+D", press("D", { ctrlKey: true, shiftKey: true })],
    ["⌘Y (history in some Mac browsers)", press("y", { metaKey: true })],
    ["Ctrl+1 (the browser's tab switch)", press("1", { ctrlKey: true })],
    ["Ctrl+- (the browser's own zoom)", press("-", { ctrlKey: true })],
    ["arrows (the bars handle those)", press("ArrowRight")],
  ])("ignores %s", (_name, key) => {
    expect(shortcutFor(key)).toBeNull();
  });

  it("zoom steps stop at weeks and quarters", () => {
    expect(stepScale("months", -1)).toBe("weeks");
    expect(stepScale("weeks", -1)).toBe("weeks");
    expect(stepScale("months", 1)).toBe("quarters");
    expect(stepScale("quarters", 1)).toBe("quarters");
  });

  it("the help names the modifier of the platform and lists Ctrl+Y only where it exists", () => {
    const mac = shortcutHelp(true).flatMap((r) => r.keys);
    const pc = shortcutHelp(false).flatMap((r) => r.keys);
    expect(mac).toContain("⌘ Z");
    expect(mac).not.toContain("Ctrl Y");
    expect(pc).toContain("Ctrl Z");
    expect(pc).toContain("Ctrl Y");
  });

  it("the laser key (L, held) is no shortcut's, and its modifier combinations are left alone", () => {
    expect(isLaserKey(press("l"))).toBe(true);
    expect(isLaserKey(press("L", { shiftKey: true }))).toBe(true);
    expect(shortcutFor(press("l"))).toBeNull();
    expect(shortcutFor(press("L", { shiftKey: true }))).toBeNull();
    expect(isLaserKey(press("l", { ctrlKey: true }))).toBe(false);
    expect(isLaserKey(press("l", { metaKey: true }))).toBe(false);
    expect(isLaserKey(press("l", { altKey: true }))).toBe(false);
  });

  it("the help lists the laser for people who may lead only (it is an editing row)", () => {
    const row = shortcutHelp(false).find((r) => r.keys.includes("Hold L"));
    expect(row?.edits).toBe(true);
    expect(row?.what).toMatch(/laser/i);
  });
});
