/** @type {import('next').NextConfig} */
const nextConfig = {
  // One copy of yjs per process: Next must not bundle its own copy into server code.
  serverExternalPackages: ["yjs", "y-protocols", "better-sqlite3", "ws", "pino"],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole repo (tsc --noEmit); the build need not redo it, and a
  // type error in a test file must never stop `npm start` from serving the app.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
