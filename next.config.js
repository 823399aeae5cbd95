import { realpathSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";

const dev = process.env.NODE_ENV !== "production";

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

/**
 * Content-Security-Policy for every page and route. Next.js inlines its bootstrap scripts and
 * React sets inline styles, hence 'unsafe-inline' (nonces would make every page dynamic);
 * everything else must come from this origin. The sync socket lives on this origin too, but
 * `connect-src 'self'` does not cover ws: in every browser, so ws:/wss: are listed. React's
 * development build evaluates code for its debugging tools: 'unsafe-eval' only there.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data: https:",
  "style-src 'self' 'unsafe-inline'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
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
