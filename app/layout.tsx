import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
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
