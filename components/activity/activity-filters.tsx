"use client";

import { buttonClasses } from "@/components/ui/field";
import type { ActivityQuery } from "@/lib/activity/query-state";
import type { ActivityPage } from "@/lib/api/types";
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOMES, type AuditAction } from "@/lib/audit/actions";
import { DayWindowFilter } from "./day-window-filter";
import { FilterSelect } from "./filter-select";
import type { ActivityFilterPatch } from "./use-activity-query";
import { UserFilterInput } from "./user-filter-input";

const ACTION_OPTIONS = (Object.keys(AUDIT_ACTION_LABELS) as AuditAction[]).map((value) => ({
  value,
  label: AUDIT_ACTION_LABELS[value],
}));
const OUTCOME_OPTIONS = AUDIT_OUTCOMES.map((value) => ({
  value,
  label: value.charAt(0).toUpperCase() + value.slice(1),
}));

export interface ActivityFiltersProps {
  query: ActivityQuery;
  /** The analysts who appear in the trail (from the last page loaded). */
  analysts: ActivityPage["analysts"];
  userText: string;
  filtered: boolean;
  setFilters: (patch: ActivityFilterPatch) => void;
  typeUser: (text: string) => void;
  commitUser: (text: string) => void;
  clearFilters: () => void;
}

export function ActivityFilters({
  query,
  analysts,
  userText,
  filtered,
  setFilters,
  typeUser,
  commitUser,
  clearFilters,
}: ActivityFiltersProps) {
  return (
    <search
      aria-label="Filter activity"
      className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end"
    >
      <FilterSelect
        id="activity-analyst"
        label="Analyst"
        anyLabel="Any analyst"
        value={query.analyst}
        options={analysts.map((analyst) => ({ value: analyst.id, label: analyst.name }))}
        onChange={(analyst) => setFilters({ analyst })}
      />
      <FilterSelect
        id="activity-action"
        label="Action"
        anyLabel="Any action"
        value={query.action}
        options={ACTION_OPTIONS}
        onChange={(action) => setFilters({ action })}
      />
      <FilterSelect
        id="activity-outcome"
        label="Outcome"
        anyLabel="Any outcome"
        value={query.outcome}
        options={OUTCOME_OPTIONS}
        onChange={(outcome) => setFilters({ outcome: outcome as ActivityQuery["outcome"] })}
      />
      <UserFilterInput value={userText} onType={typeUser} onCommit={commitUser} />
      <DayWindowFilter from={query.from} to={query.to} onChange={setFilters} />
      {filtered && (
        <button
          type="button"
          onClick={clearFilters}
          className={`${buttonClasses} self-start sm:self-auto`}
        >
          Clear filters
        </button>
      )}
    </search>
  );
}
