CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"analyst_id" text NOT NULL,
	"analyst_name" text NOT NULL,
	"role" text NOT NULL,
	"auth_mode" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sessions_analyst_idx" ON "sessions" USING btree ("analyst_id");