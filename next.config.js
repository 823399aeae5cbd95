import { realpathSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";

/**
 * Turbopack compiles nothing outside its root, which it puts at the project folder. When
 * node_modules is a symlink to an install elsewhere (git worktrees sharing one install), the
 * root must be a folder holding both, or Next cannot even find itself.
 */
function turbopackRoot() {
  const project = resolve(".");
  let modules;
  try {
    modules = dirname(realpathSync(resolve(project, "node_modules")));
  } catch {
    return project;
  }
  let root = project;
  while (!(modules + sep).startsWith(root.endsWith(sep) ? root : root + sep)) root = dirname(root);
  return root;
}

/** The Content-Security-Policy is set per request, with a nonce, in proxy.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers that predate frame-ancestors: no page of Waymark may be framed (clickjacking).
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // One copy of yjs per process: Next must not bundle its own copy into server code.
  serverExternalPackages: ["yjs", "y-protocols", "better-sqlite3", "ws", "pino"],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole repo (tsc --noEmit); the build need not redo it, and a
  // type error in a test file must never stop `npm start` from serving the app.
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: turbopackRoot() },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
