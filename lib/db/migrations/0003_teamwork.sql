CREATE TABLE "claims" (
	"user_id" text PRIMARY KEY NOT NULL,
	"vendor_data" text,
	"analyst_id" text NOT NULL,
	"analyst_name" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"vendor_data" text,
	"analyst_id" text NOT NULL,
	"analyst_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"edited_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"vendor_data" text NOT NULL,
	"status_before" text,
	"status_after" text NOT NULL,
	"reason" text NOT NULL,
	"proposer_id" text NOT NULL,
	"proposer_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"reviewer_id" text,
	"reviewer_name" text,
	"reviewed_at" timestamp with time zone,
	"review_reason" text
);
--> statement-breakpoint
CREATE INDEX "claims_analyst_idx" ON "claims" USING btree ("analyst_id");--> statement-breakpoint
CREATE INDEX "live_events_occurred_at_idx" ON "live_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "notes_user_idx" ON "notes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "proposals_user_idx" ON "proposals" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "proposals_state_idx" ON "proposals" USING btree ("state");