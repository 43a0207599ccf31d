"use client";

import { createContext, type ReactNode, useContext, useEffect, useState } from "react";

const NowContext = createContext<number>(0);

/**
 * A shared clock for relative times. It starts at the server's render time so the hydrated
 * HTML matches the server's exactly, then ticks in the browser.
 */
export function NowProvider({ renderedAt, children }: { renderedAt: number; children: ReactNode }) {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    // The first tick comes later: changing the time during hydration would mismatch the HTML.
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return <NowContext.Provider value={now}>{children}</NowContext.Provider>;
}

export function useNow(): number {
  return useContext(NowContext);
}
