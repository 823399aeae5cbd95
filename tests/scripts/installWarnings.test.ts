import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

/**
 * Issue 15, point 15: a newcomer's `npm start` (which runs `npm ci`) prints no warning that is
 * ours to remove. npm warns about a package whose `engines.node` excludes this Node (EBADENGINE)
 * and about a package with an install script that `allowScripts` does not cover. Both are visible
 * in the lock file, so they are checked here rather than by scraping npm's output. Benchmark-only
 * packages live in scripts/bench/package.json, installed only by the benchmarks.
 */
interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  hasInstallScript?: boolean;
}
const root = new URL("../../", import.meta.url);
const lock = JSON.parse(readFileSync(new URL("package-lock.json", root), "utf8")) as { packages: Record<string, LockedPackage> };
const manifest = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { allowScripts?: Record<string, boolean> };
const installed = Object.entries(lock.packages).filter(([path]) => path.startsWith("node_modules/"));
const nameOf = (path: string) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);

describe("installing Waymark", () => {
  it(`every package supports the Node it runs on (${process.version})`, () => {
    const unsupported = installed
      .filter(([, pkg]) => pkg.engines && !Array.isArray(pkg.engines) && pkg.engines.node)
      .filter(([, pkg]) => !semver.satisfies(process.version, (pkg.engines as { node: string }).node))
      .map(([path, pkg]) => `${nameOf(path)}@${pkg.version} wants node ${(pkg.engines as { node: string }).node}`);
    expect(unsupported).toEqual([]);
  });

  it("every package with an install script is covered by allowScripts", () => {
    const uncovered = installed.filter(([path, pkg]) => pkg.hasInstallScript && manifest.allowScripts?.[nameOf(path)] === undefined).map(([path]) => nameOf(path));
    expect(uncovered).toEqual([]);
  });
});
