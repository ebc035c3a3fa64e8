CREATE TABLE `cash_movements` (
	`id` char(36) NOT NULL,
	`session_id` char(36) NOT NULL,
	`kind` varchar(20) NOT NULL,
	`amount` bigint NOT NULL,
	`reason` text NOT NULL,
	`user_id` char(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `cash_movements_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `refund_lines` (
	`id` char(36) NOT NULL,
	`refund_id` char(36) NOT NULL,
	`detail_id` char(36) NOT NULL,
	`product_id` char(36) NOT NULL,
	`quantity` bigint NOT NULL,
	`tax_class` varchar(20) NOT NULL,
	`net` bigint NOT NULL,
	`tax` bigint NOT NULL,
	`gross` bigint NOT NULL,
	CONSTRAINT `refund_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `refund_payments` (
	`id` char(36) NOT NULL,
	`refund_id` char(36) NOT NULL,
	`method` varchar(20) NOT NULL,
	`amount` bigint NOT NULL,
	`reference` varchar(100),
	CONSTRAINT `refund_payments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` char(36) NOT NULL,
	`refund_number` varchar(40) NOT NULL,
	`header_id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`terminal_id` char(36),
	`session_id` char(36),
	`business_date` varchar(10) NOT NULL,
	`user_id` char(36) NOT NULL,
	`approved_by` char(36),
	`reason` text NOT NULL,
	`net_total` bigint NOT NULL,
	`tax_total` bigint NOT NULL,
	`total` bigint NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `refunds_id` PRIMARY KEY(`id`),
	CONSTRAINT `refunds_store_number_uq` UNIQUE(`store_id`,`refund_number`)
);
--> statement-breakpoint
CREATE TABLE `sync_cursors` (
	`terminal_id` char(36) NOT NULL,
	`epoch` int NOT NULL,
	`store_id` char(36) NOT NULL,
	`acked_through_seq` bigint NOT NULL DEFAULT 0,
	`last_push_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `sync_cursors_pk` PRIMARY KEY(`terminal_id`,`epoch`)
);
--> statement-breakpoint
CREATE TABLE `sync_events` (
	`terminal_id` char(36) NOT NULL,
	`epoch` int NOT NULL,
	`seq` bigint NOT NULL,
	`event_id` char(36) NOT NULL,
	`type` varchar(40) NOT NULL,
	`status` varchar(20) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`received_at` datetime(3) NOT NULL,
	CONSTRAINT `sync_events_pk` PRIMARY KEY(`terminal_id`,`epoch`,`seq`),
	CONSTRAINT `sync_events_event_uq` UNIQUE(`event_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_quarantine` (
	`id` char(36) NOT NULL,
	`event_id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`terminal_id` char(36) NOT NULL,
	`epoch` int NOT NULL,
	`seq` bigint NOT NULL,
	`type` varchar(40) NOT NULL,
	`reason` text NOT NULL,
	`event` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `sync_quarantine_id` PRIMARY KEY(`id`),
	CONSTRAINT `sync_quarantine_event_uq` UNIQUE(`event_id`)
);
--> statement-breakpoint
ALTER TABLE `terminals` ADD `revoked_at` datetime(3);--> statement-breakpoint
ALTER TABLE `terminals` ADD `revoked_by` char(36);--> statement-breakpoint
ALTER TABLE `cash_movements` ADD CONSTRAINT `cash_movements_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `cash_movements` ADD CONSTRAINT `cash_movements_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refund_lines` ADD CONSTRAINT `refund_lines_refund_id_refunds_id_fk` FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refund_lines` ADD CONSTRAINT `refund_lines_detail_id_sales_details_id_fk` FOREIGN KEY (`detail_id`) REFERENCES `sales_details`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refund_lines` ADD CONSTRAINT `refund_lines_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refund_payments` ADD CONSTRAINT `refund_payments_refund_id_refunds_id_fk` FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_header_id_sales_headers_id_fk` FOREIGN KEY (`header_id`) REFERENCES `sales_headers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_terminal_id_terminals_id_fk` FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_approved_by_users_id_fk` FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sync_cursors` ADD CONSTRAINT `sync_cursors_terminal_id_terminals_id_fk` FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sync_cursors` ADD CONSTRAINT `sync_cursors_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `cash_movements_session_idx` ON `cash_movements` (`session_id`);--> statement-breakpoint
CREATE INDEX `refund_lines_refund_idx` ON `refund_lines` (`refund_id`);--> statement-breakpoint
CREATE INDEX `refund_payments_refund_idx` ON `refund_payments` (`refund_id`);--> statement-breakpoint
CREATE INDEX `refunds_header_idx` ON `refunds` (`header_id`);--> statement-breakpoint
CREATE INDEX `refunds_session_idx` ON `refunds` (`session_id`);--> statement-breakpoint
CREATE INDEX `sync_quarantine_store_idx` ON `sync_quarantine` (`store_id`,`created_at`);