-- Sync (DESIGN.md "Sync"): the sync_state singleton; stock movements stay pending (counted on top of the pulled
-- level) until a pull reaches the storeVersion their push acknowledgement gave.
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`server_url` text NOT NULL,
	`store_id` text NOT NULL,
	`store_name` text NOT NULL,
	`terminal_id` text NOT NULL,
	`epoch` integer NOT NULL,
	`seq_base` integer NOT NULL,
	`pull_cursor` integer DEFAULT 0 NOT NULL,
	`pull_head` integer DEFAULT 0 NOT NULL,
	`last_success_at` text,
	`last_error` text,
	`registered_at` text NOT NULL,
	CONSTRAINT "sync_state_singleton" CHECK("sync_state"."id" = 1)
);
--> statement-breakpoint
DROP INDEX `stock_movements_unacked_idx`;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `acked_version` integer;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `pending` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `stock_movements_pending_idx` ON `stock_movements` (`product_id`) WHERE "stock_movements"."pending" = 1;