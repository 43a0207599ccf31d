CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"analyst_id" text NOT NULL,
	"analyst_name" text NOT NULL,
	"auth_mode" text NOT NULL,
	"action" text NOT NULL,
	"target_internal_id" text,
	"target_vendor_data" text,
	"status_before" text,
	"status_after" text,
	"reason" text,
	"outcome" text NOT NULL,
	"outcome_code" text,
	"request_id" text,
	"intent_id" bigint,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("target_internal_id");--> statement-breakpoint
CREATE INDEX "audit_events_intent_idx" ON "audit_events" USING btree ("intent_id");