import type { NextConfig } from "next";
import { parseEnv } from "./lib/env/schema";

// Fail `next build` and `next start` alike on a bad configuration, naming the variable.
parseEnv(process.env);

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Didit's paths end in a slash (`/v3/users/`); the built-in sandbox serves them as they are.
  skipTrailingSlashRedirect: true,
  typedRoutes: false,
};

export default nextConfig;
