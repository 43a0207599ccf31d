import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { THEME_BOOT_SCRIPT } from "@/components/theme/theme-boot";
import { isSandboxMode } from "@/lib/env/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "Review inbox · Didit",
  description: "Triage Didit users: flagged, blocked and active, with every view shareable by URL.",
  referrer: "no-referrer",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so each gets proxy.ts's fresh CSP nonce on its scripts.
  await connection();
  const nonce = (await headers()).get("x-nonce");
  return (
    // The theme script may add `dark` before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce ?? undefined}>{THEME_BOOT_SCRIPT}</script>
      </head>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {isSandboxMode && (
          <div
            role="note"
            className="bg-amber-300 px-4 py-1.5 text-center text-sm font-medium text-amber-950"
          >
            Sandbox data: no Didit API key is configured, so these users are generated examples.
          </div>
        )}
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
