import type { NextConfig } from "next";
import { parseConfig } from "./lib/env/schema";
import { API_CSP, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

// Fail `next build` and `next start` alike on a bad configuration, naming the variable.
parseConfig(process.env);

const nextConfig: NextConfig = {
  // The benchmark builds into its own folder so it can run beside a development build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Didit's paths end in a slash (`/v3/users/`); the built-in sandbox serves them as they are.
  skipTrailingSlashRedirect: true,
  typedRoutes: false,
  // PGlite loads its WebAssembly and data files from its own package folder: bundled, it loses
  // them. pg has optional native parts the bundler should not chase.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  // Static assets skip proxy.ts; they get the same headers from here (the CSP is per request).
  headers: async () => [
    { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
  ],
};

export default nextConfig;
