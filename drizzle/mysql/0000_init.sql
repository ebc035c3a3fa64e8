CREATE TABLE `audit_logs` (
	`id` char(36) NOT NULL,
	`action` varchar(40) NOT NULL,
	`model_name` varchar(60) NOT NULL,
	`object_id` varchar(64),
	`store_id` char(36),
	`user_id` char(36),
	`reason` text,
	`before_data` json,
	`after_data` json,
	`request_id` varchar(64),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `audit_logs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` char(36) NOT NULL,
	`user_id` char(36) NOT NULL,
	`store_id` char(36),
	`kind` varchar(40) NOT NULL,
	`title` varchar(200) NOT NULL,
	`body` text,
	`data` json,
	`read_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `notifications_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `cash_sessions` (
	`id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`terminal_id` char(36),
	`user_id` char(36) NOT NULL,
	`business_date` date NOT NULL,
	`opening_float` bigint NOT NULL,
	`status` varchar(20) NOT NULL DEFAULT 'open',
	`opened_at` datetime(3) NOT NULL,
	`closed_at` datetime(3),
	`closed_by` char(36),
	`closing_total` bigint,
	`expected_total` bigint,
	`variance` bigint,
	`open_key` varchar(60),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `cash_sessions_id` PRIMARY KEY(`id`),
	CONSTRAINT `cash_sessions_open_key_uq` UNIQUE(`open_key`)
);
--> statement-breakpoint
CREATE TABLE `barcodes` (
	`id` char(36) NOT NULL,
	`code` varchar(64) NOT NULL,
	`product_id` char(36) NOT NULL,
	`is_primary` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `barcodes_id` PRIMARY KEY(`id`),
	CONSTRAINT `barcodes_code_uq` UNIQUE(`code`)
);
--> statement-breakpoint
CREATE TABLE `categories` (
	`id` char(36) NOT NULL,
	`name` varchar(100) NOT NULL,
	`parent_id` char(36),
	`is_active` boolean NOT NULL DEFAULT true,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `categories_id` PRIMARY KEY(`id`),
	CONSTRAINT `categories_name_uq` UNIQUE(`name`)
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` char(36) NOT NULL,
	`sku` varchar(64) NOT NULL,
	`name` varchar(200) NOT NULL,
	`category_id` char(36),
	`unit_id` char(36),
	`price` bigint NOT NULL,
	`cost` bigint NOT NULL DEFAULT 0,
	`tax_class` varchar(20) NOT NULL DEFAULT 'standard',
	`reorder_level` bigint NOT NULL DEFAULT 0,
	`track_stock` boolean NOT NULL DEFAULT true,
	`is_active` boolean NOT NULL DEFAULT true,
	`sold_by_weight` boolean NOT NULL DEFAULT false,
	`plu` varchar(10),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `products_id` PRIMARY KEY(`id`),
	CONSTRAINT `products_sku_uq` UNIQUE(`sku`)
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` char(36) NOT NULL,
	`name` varchar(50) NOT NULL,
	`symbol` varchar(10) NOT NULL,
	`allows_fraction` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `units_id` PRIMARY KEY(`id`),
	CONSTRAINT `units_name_uq` UNIQUE(`name`)
);
--> statement-breakpoint
CREATE TABLE `client_receipts` (
	`id` char(36) NOT NULL,
	`client_id` char(36) NOT NULL,
	`store_id` char(36),
	`session_id` char(36),
	`amount` bigint NOT NULL,
	`method` varchar(20) NOT NULL,
	`reference` varchar(100),
	`user_id` char(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `client_receipts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `expenses` (
	`id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`session_id` char(36),
	`category` varchar(60) NOT NULL,
	`description` text,
	`amount` bigint NOT NULL,
	`expense_date` date NOT NULL,
	`user_id` char(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `expenses_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `clients` (
	`id` char(36) NOT NULL,
	`name` varchar(150) NOT NULL,
	`phone` varchar(20),
	`email` varchar(254),
	`kra_pin` varchar(20),
	`credit_limit` bigint NOT NULL DEFAULT 0,
	`balance` bigint NOT NULL DEFAULT 0,
	`is_active` boolean NOT NULL DEFAULT true,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `clients_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `suppliers` (
	`id` char(36) NOT NULL,
	`name` varchar(150) NOT NULL,
	`phone` varchar(20),
	`email` varchar(254),
	`kra_pin` varchar(20),
	`address` varchar(255),
	`balance` bigint NOT NULL DEFAULT 0,
	`is_active` boolean NOT NULL DEFAULT true,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `suppliers_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `purchase_details` (
	`id` char(36) NOT NULL,
	`header_id` char(36) NOT NULL,
	`product_id` char(36) NOT NULL,
	`quantity` bigint NOT NULL,
	`unit_cost` bigint NOT NULL,
	`line_total` bigint NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `purchase_details_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `purchase_headers` (
	`id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`supplier_id` char(36) NOT NULL,
	`reference` varchar(100),
	`status` varchar(20) NOT NULL DEFAULT 'ordered',
	`total` bigint NOT NULL DEFAULT 0,
	`paid_total` bigint NOT NULL DEFAULT 0,
	`notes` text,
	`user_id` char(36) NOT NULL,
	`received_at` datetime(3),
	`received_by` char(36),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `purchase_headers_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `supplier_payments` (
	`id` char(36) NOT NULL,
	`supplier_id` char(36) NOT NULL,
	`purchase_header_id` char(36),
	`store_id` char(36),
	`amount` bigint NOT NULL,
	`method` varchar(20) NOT NULL,
	`reference` varchar(100),
	`user_id` char(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `supplier_payments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `sales_details` (
	`id` char(36) NOT NULL,
	`header_id` char(36) NOT NULL,
	`line_no` int NOT NULL,
	`product_id` char(36) NOT NULL,
	`sku` varchar(64) NOT NULL,
	`name` varchar(200) NOT NULL,
	`quantity` bigint NOT NULL,
	`list_unit_price` bigint NOT NULL,
	`unit_price` bigint NOT NULL,
	`discount` bigint NOT NULL DEFAULT 0,
	`tax_class` varchar(20) NOT NULL,
	`tax_rate_bp` int NOT NULL,
	`net` bigint NOT NULL,
	`tax` bigint NOT NULL,
	`gross` bigint NOT NULL,
	`status` varchar(20) NOT NULL DEFAULT 'active',
	`overridden` boolean NOT NULL DEFAULT false,
	`voided_at` datetime(3),
	`voided_by` char(36),
	`void_reason` text,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `sales_details_id` PRIMARY KEY(`id`),
	CONSTRAINT `sales_details_header_line_uq` UNIQUE(`header_id`,`line_no`)
);
--> statement-breakpoint
CREATE TABLE `sales_headers` (
	`id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`terminal_id` char(36),
	`session_id` char(36),
	`client_id` char(36),
	`user_id` char(36) NOT NULL,
	`receipt_number` varchar(40) NOT NULL,
	`business_date` date NOT NULL,
	`currency` char(3) NOT NULL DEFAULT 'KES',
	`prices_include_tax` boolean NOT NULL,
	`subtotal` bigint NOT NULL,
	`discount_total` bigint NOT NULL DEFAULT 0,
	`net_total` bigint NOT NULL,
	`tax_total` bigint NOT NULL,
	`rounding_adjustment` bigint NOT NULL DEFAULT 0,
	`total` bigint NOT NULL,
	`paid_total` bigint NOT NULL DEFAULT 0,
	`change_given` bigint NOT NULL DEFAULT 0,
	`balance_due` bigint NOT NULL,
	`payment_status` varchar(20) NOT NULL DEFAULT 'unpaid',
	`status` varchar(20) NOT NULL DEFAULT 'completed',
	`voided_at` datetime(3),
	`voided_by` char(36),
	`void_reason` text,
	`source_event_id` char(36),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `sales_headers_id` PRIMARY KEY(`id`),
	CONSTRAINT `sales_headers_receipt_uq` UNIQUE(`store_id`,`receipt_number`)
);
--> statement-breakpoint
CREATE TABLE `sales_payments` (
	`id` char(36) NOT NULL,
	`header_id` char(36) NOT NULL,
	`session_id` char(36),
	`method` varchar(20) NOT NULL,
	`amount` bigint NOT NULL,
	`change_due` bigint NOT NULL DEFAULT 0,
	`reference` varchar(100),
	`user_id` char(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `sales_payments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `stock_adjustments` (
	`id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`product_id` char(36) NOT NULL,
	`quantity` bigint NOT NULL,
	`reason` text NOT NULL,
	`status` varchar(20) NOT NULL DEFAULT 'pending',
	`requested_by` char(36) NOT NULL,
	`decided_by` char(36),
	`decided_at` datetime(3),
	`movement_id` char(36),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `stock_adjustments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `stock_alerts` (
	`id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`product_id` char(36) NOT NULL,
	`kind` varchar(20) NOT NULL,
	`quantity` bigint NOT NULL,
	`reorder_level` bigint NOT NULL,
	`open_key` varchar(100),
	`resolved_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `stock_alerts_id` PRIMARY KEY(`id`),
	CONSTRAINT `stock_alerts_open_key_uq` UNIQUE(`open_key`)
);
--> statement-breakpoint
CREATE TABLE `stock_levels` (
	`id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`product_id` char(36) NOT NULL,
	`quantity` bigint NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `stock_levels_id` PRIMARY KEY(`id`),
	CONSTRAINT `stock_levels_store_product_uq` UNIQUE(`store_id`,`product_id`)
);
--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`product_id` char(36) NOT NULL,
	`quantity` bigint NOT NULL,
	`reason` varchar(20) NOT NULL,
	`reference_type` varchar(40),
	`reference_id` char(36),
	`user_id` char(36),
	`note` varchar(255),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `stock_movements_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `receipt_counters` (
	`store_id` char(36) NOT NULL,
	`next_number` bigint NOT NULL DEFAULT 1,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `receipt_counters_store_id` PRIMARY KEY(`store_id`)
);
--> statement-breakpoint
CREATE TABLE `stores` (
	`id` char(36) NOT NULL,
	`name` varchar(150) NOT NULL,
	`code` varchar(20) NOT NULL,
	`address` varchar(255),
	`phone` varchar(20),
	`kra_pin` varchar(20),
	`currency` char(3) NOT NULL DEFAULT 'KES',
	`prices_include_tax` boolean NOT NULL DEFAULT true,
	`cash_rounding_step` bigint NOT NULL DEFAULT 0,
	`receipt_footer` text,
	`is_active` boolean NOT NULL DEFAULT true,
	`created_by` char(36),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `stores_id` PRIMARY KEY(`id`),
	CONSTRAINT `stores_code_uq` UNIQUE(`code`)
);
--> statement-breakpoint
CREATE TABLE `terminals` (
	`id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`code` varchar(10) NOT NULL,
	`name` varchar(100) NOT NULL,
	`device_secret_hash` varchar(255),
	`epoch` int NOT NULL DEFAULT 1,
	`is_active` boolean NOT NULL DEFAULT true,
	`registered_by` char(36),
	`registered_at` datetime(3),
	`last_seen_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `terminals_id` PRIMARY KEY(`id`),
	CONSTRAINT `terminals_store_code_uq` UNIQUE(`store_id`,`code`)
);
--> statement-breakpoint
CREATE TABLE `store_members` (
	`id` char(36) NOT NULL,
	`store_id` char(36) NOT NULL,
	`user_id` char(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `store_members_id` PRIMARY KEY(`id`),
	CONSTRAINT `store_members_store_user_uq` UNIQUE(`store_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `token_blacklist` (
	`jti` char(36) NOT NULL,
	`user_id` char(36),
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `token_blacklist_jti` PRIMARY KEY(`jti`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` char(36) NOT NULL,
	`phone_number` varchar(20) NOT NULL,
	`name` varchar(150) NOT NULL,
	`role` varchar(20) NOT NULL,
	`password_hash` varchar(255) NOT NULL,
	`pin_hash` varchar(255),
	`is_active` boolean NOT NULL DEFAULT true,
	`failed_logins` int NOT NULL DEFAULT 0,
	`locked_until` datetime(3),
	`last_login` datetime(3),
	`created_by` char(36),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_phone_number_uq` UNIQUE(`phone_number`)
);
--> statement-breakpoint
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `cash_sessions` ADD CONSTRAINT `cash_sessions_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `cash_sessions` ADD CONSTRAINT `cash_sessions_terminal_id_terminals_id_fk` FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `cash_sessions` ADD CONSTRAINT `cash_sessions_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `cash_sessions` ADD CONSTRAINT `cash_sessions_closed_by_users_id_fk` FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `barcodes` ADD CONSTRAINT `barcodes_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `products` ADD CONSTRAINT `products_category_id_categories_id_fk` FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `products` ADD CONSTRAINT `products_unit_id_units_id_fk` FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `client_receipts` ADD CONSTRAINT `client_receipts_client_id_clients_id_fk` FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `client_receipts` ADD CONSTRAINT `client_receipts_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `client_receipts` ADD CONSTRAINT `client_receipts_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `client_receipts` ADD CONSTRAINT `client_receipts_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expenses` ADD CONSTRAINT `expenses_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expenses` ADD CONSTRAINT `expenses_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expenses` ADD CONSTRAINT `expenses_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `purchase_details` ADD CONSTRAINT `purchase_details_header_id_purchase_headers_id_fk` FOREIGN KEY (`header_id`) REFERENCES `purchase_headers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `purchase_details` ADD CONSTRAINT `purchase_details_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `purchase_headers` ADD CONSTRAINT `purchase_headers_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `purchase_headers` ADD CONSTRAINT `purchase_headers_supplier_id_suppliers_id_fk` FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `purchase_headers` ADD CONSTRAINT `purchase_headers_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `purchase_headers` ADD CONSTRAINT `purchase_headers_received_by_users_id_fk` FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `supplier_payments` ADD CONSTRAINT `supplier_payments_supplier_id_suppliers_id_fk` FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `supplier_payments` ADD CONSTRAINT `supplier_payments_purchase_header_id_purchase_headers_id_fk` FOREIGN KEY (`purchase_header_id`) REFERENCES `purchase_headers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `supplier_payments` ADD CONSTRAINT `supplier_payments_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `supplier_payments` ADD CONSTRAINT `supplier_payments_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_details` ADD CONSTRAINT `sales_details_header_id_sales_headers_id_fk` FOREIGN KEY (`header_id`) REFERENCES `sales_headers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_details` ADD CONSTRAINT `sales_details_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_details` ADD CONSTRAINT `sales_details_voided_by_users_id_fk` FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_terminal_id_terminals_id_fk` FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_client_id_clients_id_fk` FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_voided_by_users_id_fk` FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_payments` ADD CONSTRAINT `sales_payments_header_id_sales_headers_id_fk` FOREIGN KEY (`header_id`) REFERENCES `sales_headers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_payments` ADD CONSTRAINT `sales_payments_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_payments` ADD CONSTRAINT `sales_payments_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stock_adjustments` ADD CONSTRAINT `stock_adjustments_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stock_adjustments` ADD CONSTRAINT `stock_adjustments_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stock_adjustments` ADD CONSTRAINT `stock_adjustments_requested_by_users_id_fk` FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stock_adjustments` ADD CONSTRAINT `stock_adjustments_decided_by_users_id_fk` FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stock_alerts` ADD CONSTRAINT `stock_alerts_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stock_alerts` ADD CONSTRAINT `stock_alerts_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stock_levels` ADD CONSTRAINT `stock_levels_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stock_levels` ADD CONSTRAINT `stock_levels_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD CONSTRAINT `stock_movements_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD CONSTRAINT `stock_movements_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD CONSTRAINT `stock_movements_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receipt_counters` ADD CONSTRAINT `receipt_counters_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `terminals` ADD CONSTRAINT `terminals_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `store_members` ADD CONSTRAINT `store_members_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `store_members` ADD CONSTRAINT `store_members_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `audit_logs_model_object_idx` ON `audit_logs` (`model_name`,`object_id`);--> statement-breakpoint
CREATE INDEX `audit_logs_user_idx` ON `audit_logs` (`user_id`);--> statement-breakpoint
CREATE INDEX `audit_logs_store_idx` ON `audit_logs` (`store_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_logs_created_idx` ON `audit_logs` (`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `cash_sessions_store_idx` ON `cash_sessions` (`store_id`,`status`);--> statement-breakpoint
CREATE INDEX `cash_sessions_user_idx` ON `cash_sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `barcodes_product_idx` ON `barcodes` (`product_id`);--> statement-breakpoint
CREATE INDEX `products_name_idx` ON `products` (`name`);--> statement-breakpoint
CREATE INDEX `products_category_idx` ON `products` (`category_id`);--> statement-breakpoint
CREATE INDEX `products_plu_idx` ON `products` (`plu`);--> statement-breakpoint
CREATE INDEX `client_receipts_client_idx` ON `client_receipts` (`client_id`);--> statement-breakpoint
CREATE INDEX `expenses_store_date_idx` ON `expenses` (`store_id`,`expense_date`);--> statement-breakpoint
CREATE INDEX `expenses_session_idx` ON `expenses` (`session_id`);--> statement-breakpoint
CREATE INDEX `clients_name_idx` ON `clients` (`name`);--> statement-breakpoint
CREATE INDEX `clients_phone_idx` ON `clients` (`phone`);--> statement-breakpoint
CREATE INDEX `suppliers_name_idx` ON `suppliers` (`name`);--> statement-breakpoint
CREATE INDEX `purchase_details_header_idx` ON `purchase_details` (`header_id`);--> statement-breakpoint
CREATE INDEX `purchase_headers_store_idx` ON `purchase_headers` (`store_id`,`status`);--> statement-breakpoint
CREATE INDEX `purchase_headers_supplier_idx` ON `purchase_headers` (`supplier_id`);--> statement-breakpoint
CREATE INDEX `supplier_payments_supplier_idx` ON `supplier_payments` (`supplier_id`);--> statement-breakpoint
CREATE INDEX `supplier_payments_purchase_idx` ON `supplier_payments` (`purchase_header_id`);--> statement-breakpoint
CREATE INDEX `sales_details_product_idx` ON `sales_details` (`product_id`);--> statement-breakpoint
CREATE INDEX `sales_headers_store_date_idx` ON `sales_headers` (`store_id`,`business_date`);--> statement-breakpoint
CREATE INDEX `sales_headers_session_idx` ON `sales_headers` (`session_id`);--> statement-breakpoint
CREATE INDEX `sales_headers_client_idx` ON `sales_headers` (`client_id`);--> statement-breakpoint
CREATE INDEX `sales_headers_created_idx` ON `sales_headers` (`created_at`);--> statement-breakpoint
CREATE INDEX `sales_payments_header_idx` ON `sales_payments` (`header_id`);--> statement-breakpoint
CREATE INDEX `sales_payments_session_idx` ON `sales_payments` (`session_id`);--> statement-breakpoint
CREATE INDEX `stock_adjustments_store_status_idx` ON `stock_adjustments` (`store_id`,`status`);--> statement-breakpoint
CREATE INDEX `stock_alerts_store_idx` ON `stock_alerts` (`store_id`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `stock_levels_product_idx` ON `stock_levels` (`product_id`);--> statement-breakpoint
CREATE INDEX `stock_movements_store_product_idx` ON `stock_movements` (`store_id`,`product_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `stock_movements_product_idx` ON `stock_movements` (`product_id`);--> statement-breakpoint
CREATE INDEX `stock_movements_reference_idx` ON `stock_movements` (`reference_type`,`reference_id`);--> statement-breakpoint
CREATE INDEX `stock_movements_created_idx` ON `stock_movements` (`created_at`);--> statement-breakpoint
CREATE INDEX `terminals_store_idx` ON `terminals` (`store_id`);--> statement-breakpoint
CREATE INDEX `store_members_user_idx` ON `store_members` (`user_id`);--> statement-breakpoint
CREATE INDEX `token_blacklist_expires_idx` ON `token_blacklist` (`expires_at`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`);