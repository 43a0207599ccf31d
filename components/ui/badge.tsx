import type { ReactNode } from "react";
import { TONE_CLASSES, type Tone } from "@/components/ui/tones";

export interface BadgeProps {
  tone: Tone;
  children: ReactNode;
  title?: string;
}

export function Badge({ tone, children, title }: BadgeProps) {
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONE_CLASSES[tone]}`}
    >
      {children}
    </span>
  );
}
