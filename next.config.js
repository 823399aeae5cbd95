/** @type {import('next').NextConfig} */
const nextConfig = {
  // One copy of yjs per process: Next must not bundle its own copy into server code.
  serverExternalPackages: ["yjs", "y-protocols", "better-sqlite3", "ws", "pino"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
