CREATE TABLE "rate_budget_asks" (
	"budget" text NOT NULL,
	"party" text NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_budget_asks_budget_party_pk" PRIMARY KEY("budget","party")
);
--> statement-breakpoint
CREATE TABLE "rate_budget_cool_downs" (
	"budget" text PRIMARY KEY NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_budget_sends" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"budget" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"party" text
);
--> statement-breakpoint
CREATE INDEX "rate_budget_sends_budget_sent_at_idx" ON "rate_budget_sends" USING btree ("budget","sent_at");