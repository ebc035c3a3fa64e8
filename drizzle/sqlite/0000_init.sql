CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`action` text NOT NULL,
	`model` text NOT NULL,
	`object_id` text,
	`user_id` text,
	`approved_by` text,
	`terminal_id` text NOT NULL,
	`reason` text,
	`before` text,
	`after` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_log` (`action`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_log` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_created_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY NOT NULL,
	`epoch` integer NOT NULL,
	`event_id` text NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_event_id_unique` ON `outbox` (`event_id`);--> statement-breakpoint
CREATE INDEX `outbox_unsent_idx` ON `outbox` (`sent_at`);--> statement-breakpoint
CREATE TABLE `cash_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cash_movements_session_idx` ON `cash_movements` (`session_id`);--> statement-breakpoint
CREATE TABLE `cash_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`terminal_id` text NOT NULL,
	`business_date` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_at` text NOT NULL,
	`opening_float` integer NOT NULL,
	`status` text NOT NULL,
	`closed_by` text,
	`closed_at` text,
	`blind_close` integer,
	`counted_total` integer,
	`denominations` text,
	`expected_cash` integer,
	`variance` integer,
	`z_number` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cash_sessions_one_open_per_till` ON `cash_sessions` (`terminal_id`) WHERE "cash_sessions"."status" = 'open';--> statement-breakpoint
CREATE INDEX `cash_sessions_opened_idx` ON `cash_sessions` (`opened_at`);--> statement-breakpoint
CREATE TABLE `barcodes` (
	`code` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `barcodes_product_idx` ON `barcodes` (`product_id`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`parent_id` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`kra_pin` text,
	`credit_limit` integer DEFAULT 0 NOT NULL,
	`credit_balance` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`category_id` text,
	`unit_id` text,
	`price` integer NOT NULL,
	`cost` integer DEFAULT 0 NOT NULL,
	`tax_class` text DEFAULT 'standard' NOT NULL,
	`reorder_level` integer DEFAULT 0 NOT NULL,
	`track_stock` integer DEFAULT true NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`sold_by_weight` integer DEFAULT false NOT NULL,
	`plu` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_unique` ON `products` (`sku`);--> statement-breakpoint
CREATE INDEX `products_plu_idx` ON `products` (`plu`) WHERE "products"."plu" is not null;--> statement-breakpoint
CREATE INDEX `products_category_idx` ON `products` (`category_id`);--> statement-breakpoint
CREATE TABLE `stores` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`currency` text DEFAULT 'KES' NOT NULL,
	`prices_include_tax` integer DEFAULT true NOT NULL,
	`cash_rounding_step` integer DEFAULT 0 NOT NULL,
	`address` text,
	`phone` text,
	`kra_pin` text,
	`receipt_footer` text,
	`weighed_layout` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `suppliers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tax_classes` (
	`code` text PRIMARY KEY NOT NULL,
	`band` text NOT NULL,
	`rate_bp` integer NOT NULL,
	`label` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `terminals` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`symbol` text NOT NULL,
	`allows_fraction` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`pin_hash` text,
	`is_active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_unique` ON `users` (`phone`);--> statement-breakpoint
CREATE INDEX `users_store_idx` ON `users` (`store_id`);--> statement-breakpoint
CREATE TABLE `carts` (
	`id` text PRIMARY KEY NOT NULL,
	`terminal_id` text NOT NULL,
	`session_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`client_id` text,
	`state` text NOT NULL,
	`hold_note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `carts_status_idx` ON `carts` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `refund_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`refund_id` text NOT NULL,
	`sale_line_id` text NOT NULL,
	`product_id` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`tax_class` text NOT NULL,
	`net` integer NOT NULL,
	`tax` integer NOT NULL,
	`gross` integer NOT NULL,
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sale_line_id`) REFERENCES `sale_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refund_lines_refund_idx` ON `refund_lines` (`refund_id`);--> statement-breakpoint
CREATE INDEX `refund_lines_sale_line_idx` ON `refund_lines` (`sale_line_id`);--> statement-breakpoint
CREATE TABLE `refund_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`refund_id` text NOT NULL,
	`method` text NOT NULL,
	`amount` integer NOT NULL,
	`reference` text,
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refund_payments_refund_idx` ON `refund_payments` (`refund_id`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`refund_number` text NOT NULL,
	`sale_id` text NOT NULL,
	`store_id` text NOT NULL,
	`terminal_id` text NOT NULL,
	`session_id` text NOT NULL,
	`business_date` text NOT NULL,
	`user_id` text NOT NULL,
	`approved_by` text NOT NULL,
	`reason` text NOT NULL,
	`net_total` integer NOT NULL,
	`tax_total` integer NOT NULL,
	`total` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_refund_number_unique` ON `refunds` (`refund_number`);--> statement-breakpoint
CREATE INDEX `refunds_sale_idx` ON `refunds` (`sale_id`);--> statement-breakpoint
CREATE INDEX `refunds_session_idx` ON `refunds` (`session_id`);--> statement-breakpoint
CREATE TABLE `sale_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` text NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`list_unit_price` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`overridden` integer NOT NULL,
	`override_reason` text,
	`override_approved_by` text,
	`extended` integer NOT NULL,
	`line_discount` integer NOT NULL,
	`cart_discount_share` integer NOT NULL,
	`discount_total` integer NOT NULL,
	`tax_class` text NOT NULL,
	`band` text NOT NULL,
	`rate_bp` integer NOT NULL,
	`net` integer NOT NULL,
	`tax` integer NOT NULL,
	`gross` integer NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sale_lines_sale_line_no` ON `sale_lines` (`sale_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `sale_lines_product_idx` ON `sale_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `sale_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`method` text NOT NULL,
	`amount` integer NOT NULL,
	`reference` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sale_payments_sale_idx` ON `sale_payments` (`sale_id`);--> statement-breakpoint
CREATE TABLE `sale_voids` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`session_id` text NOT NULL,
	`reason` text NOT NULL,
	`user_id` text NOT NULL,
	`approved_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sale_voids_sale_id_unique` ON `sale_voids` (`sale_id`);--> statement-breakpoint
CREATE TABLE `sales` (
	`id` text PRIMARY KEY NOT NULL,
	`receipt_number` text NOT NULL,
	`store_id` text NOT NULL,
	`terminal_id` text NOT NULL,
	`session_id` text NOT NULL,
	`business_date` text NOT NULL,
	`user_id` text NOT NULL,
	`client_id` text,
	`currency` text NOT NULL,
	`prices_include_tax` integer NOT NULL,
	`subtotal` integer NOT NULL,
	`line_discount_total` integer NOT NULL,
	`cart_discount_total` integer NOT NULL,
	`discount_total` integer NOT NULL,
	`net_total` integer NOT NULL,
	`tax_total` integer NOT NULL,
	`rounding_adjustment` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`paid_total` integer NOT NULL,
	`change_given` integer NOT NULL,
	`started_at` text NOT NULL,
	`completed_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_receipt_number_unique` ON `sales` (`receipt_number`);--> statement-breakpoint
CREATE INDEX `sales_session_idx` ON `sales` (`session_id`);--> statement-breakpoint
CREATE INDEX `sales_completed_idx` ON `sales` (`completed_at`);--> statement-breakpoint
CREATE TABLE `stock_adjustments` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`qty_delta_milli` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`status` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision_note` text,
	`movement_id` text
);
--> statement-breakpoint
CREATE INDEX `stock_adjustments_status_idx` ON `stock_adjustments` (`status`,`requested_at`);--> statement-breakpoint
CREATE TABLE `stock_levels` (
	`product_id` text PRIMARY KEY NOT NULL,
	`qty_milli` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`qty_delta_milli` integer NOT NULL,
	`reason` text NOT NULL,
	`reference_type` text NOT NULL,
	`reference_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`acked_at` text
);
--> statement-breakpoint
CREATE INDEX `stock_movements_unacked_idx` ON `stock_movements` (`product_id`) WHERE "stock_movements"."acked_at" is null;--> statement-breakpoint
CREATE INDEX `stock_movements_product_time_idx` ON `stock_movements` (`product_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `stock_movements_reference_idx` ON `stock_movements` (`reference_id`);--> statement-breakpoint
CREATE TABLE `document_counters` (
	`kind` text PRIMARY KEY NOT NULL,
	`last` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `till_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`terminal_id` text NOT NULL,
	`terminal_code` text NOT NULL,
	`epoch` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "till_identity_singleton" CHECK("till_identity"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `user_lockouts` (
	`user_id` text PRIMARY KEY NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text
);
