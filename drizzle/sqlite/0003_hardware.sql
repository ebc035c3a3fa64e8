CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`enabled` integer NOT NULL,
	`config` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `print_jobs` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`printer_id` text NOT NULL,
	`kind` text NOT NULL,
	`document_id` text,
	`label` text NOT NULL,
	`copy` integer NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`printed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `print_jobs_id_unique` ON `print_jobs` (`id`);--> statement-breakpoint
CREATE INDEX `print_jobs_pending_idx` ON `print_jobs` (`status`,`printer_id`,`seq`);