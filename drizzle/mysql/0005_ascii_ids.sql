-- Every id column becomes CHAR(36) CHARACTER SET ascii COLLATE ascii_bin (src-server/db/columns.ts, uuidChar), and
-- sync_changes.entity_id VARCHAR(36) likewise: ids are compared in every index lookup and join, and binary ASCII
-- compares bytes where utf8mb4_unicode_ci goes through collation weights. A foreign key's two columns must keep
-- the same character set, so every foreign key is dropped first and added back, unchanged, at the end; each
-- table is rebuilt once.
ALTER TABLE `notifications` DROP FOREIGN KEY `notifications_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `notifications` DROP FOREIGN KEY `notifications_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `cash_sessions` DROP FOREIGN KEY `cash_sessions_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `cash_sessions` DROP FOREIGN KEY `cash_sessions_terminal_id_terminals_id_fk`;
--> statement-breakpoint
ALTER TABLE `cash_sessions` DROP FOREIGN KEY `cash_sessions_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `cash_sessions` DROP FOREIGN KEY `cash_sessions_closed_by_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `barcodes` DROP FOREIGN KEY `barcodes_product_id_products_id_fk`;
--> statement-breakpoint
ALTER TABLE `products` DROP FOREIGN KEY `products_category_id_categories_id_fk`;
--> statement-breakpoint
ALTER TABLE `products` DROP FOREIGN KEY `products_unit_id_units_id_fk`;
--> statement-breakpoint
ALTER TABLE `client_receipts` DROP FOREIGN KEY `client_receipts_client_id_clients_id_fk`;
--> statement-breakpoint
ALTER TABLE `client_receipts` DROP FOREIGN KEY `client_receipts_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `client_receipts` DROP FOREIGN KEY `client_receipts_session_id_cash_sessions_id_fk`;
--> statement-breakpoint
ALTER TABLE `client_receipts` DROP FOREIGN KEY `client_receipts_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `expenses` DROP FOREIGN KEY `expenses_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `expenses` DROP FOREIGN KEY `expenses_session_id_cash_sessions_id_fk`;
--> statement-breakpoint
ALTER TABLE `expenses` DROP FOREIGN KEY `expenses_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `purchase_details` DROP FOREIGN KEY `purchase_details_header_id_purchase_headers_id_fk`;
--> statement-breakpoint
ALTER TABLE `purchase_details` DROP FOREIGN KEY `purchase_details_product_id_products_id_fk`;
--> statement-breakpoint
ALTER TABLE `purchase_headers` DROP FOREIGN KEY `purchase_headers_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `purchase_headers` DROP FOREIGN KEY `purchase_headers_supplier_id_suppliers_id_fk`;
--> statement-breakpoint
ALTER TABLE `purchase_headers` DROP FOREIGN KEY `purchase_headers_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `purchase_headers` DROP FOREIGN KEY `purchase_headers_received_by_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `supplier_payments` DROP FOREIGN KEY `supplier_payments_supplier_id_suppliers_id_fk`;
--> statement-breakpoint
ALTER TABLE `supplier_payments` DROP FOREIGN KEY `supplier_payments_purchase_header_id_purchase_headers_id_fk`;
--> statement-breakpoint
ALTER TABLE `supplier_payments` DROP FOREIGN KEY `supplier_payments_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `supplier_payments` DROP FOREIGN KEY `supplier_payments_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_details` DROP FOREIGN KEY `sales_details_header_id_sales_headers_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_details` DROP FOREIGN KEY `sales_details_product_id_products_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_details` DROP FOREIGN KEY `sales_details_voided_by_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_headers` DROP FOREIGN KEY `sales_headers_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_headers` DROP FOREIGN KEY `sales_headers_terminal_id_terminals_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_headers` DROP FOREIGN KEY `sales_headers_session_id_cash_sessions_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_headers` DROP FOREIGN KEY `sales_headers_client_id_clients_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_headers` DROP FOREIGN KEY `sales_headers_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_headers` DROP FOREIGN KEY `sales_headers_voided_by_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_payments` DROP FOREIGN KEY `sales_payments_header_id_sales_headers_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_payments` DROP FOREIGN KEY `sales_payments_session_id_cash_sessions_id_fk`;
--> statement-breakpoint
ALTER TABLE `sales_payments` DROP FOREIGN KEY `sales_payments_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `stock_adjustments` DROP FOREIGN KEY `stock_adjustments_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `stock_adjustments` DROP FOREIGN KEY `stock_adjustments_product_id_products_id_fk`;
--> statement-breakpoint
ALTER TABLE `stock_adjustments` DROP FOREIGN KEY `stock_adjustments_requested_by_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `stock_adjustments` DROP FOREIGN KEY `stock_adjustments_decided_by_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `stock_alerts` DROP FOREIGN KEY `stock_alerts_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `stock_alerts` DROP FOREIGN KEY `stock_alerts_product_id_products_id_fk`;
--> statement-breakpoint
ALTER TABLE `stock_levels` DROP FOREIGN KEY `stock_levels_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `stock_levels` DROP FOREIGN KEY `stock_levels_product_id_products_id_fk`;
--> statement-breakpoint
ALTER TABLE `stock_movements` DROP FOREIGN KEY `stock_movements_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `stock_movements` DROP FOREIGN KEY `stock_movements_product_id_products_id_fk`;
--> statement-breakpoint
ALTER TABLE `stock_movements` DROP FOREIGN KEY `stock_movements_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `receipt_counters` DROP FOREIGN KEY `receipt_counters_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `terminals` DROP FOREIGN KEY `terminals_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `cash_movements` DROP FOREIGN KEY `cash_movements_session_id_cash_sessions_id_fk`;
--> statement-breakpoint
ALTER TABLE `cash_movements` DROP FOREIGN KEY `cash_movements_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `refund_lines` DROP FOREIGN KEY `refund_lines_refund_id_refunds_id_fk`;
--> statement-breakpoint
ALTER TABLE `refund_lines` DROP FOREIGN KEY `refund_lines_detail_id_sales_details_id_fk`;
--> statement-breakpoint
ALTER TABLE `refund_lines` DROP FOREIGN KEY `refund_lines_product_id_products_id_fk`;
--> statement-breakpoint
ALTER TABLE `refund_payments` DROP FOREIGN KEY `refund_payments_refund_id_refunds_id_fk`;
--> statement-breakpoint
ALTER TABLE `refunds` DROP FOREIGN KEY `refunds_header_id_sales_headers_id_fk`;
--> statement-breakpoint
ALTER TABLE `refunds` DROP FOREIGN KEY `refunds_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `refunds` DROP FOREIGN KEY `refunds_terminal_id_terminals_id_fk`;
--> statement-breakpoint
ALTER TABLE `refunds` DROP FOREIGN KEY `refunds_session_id_cash_sessions_id_fk`;
--> statement-breakpoint
ALTER TABLE `refunds` DROP FOREIGN KEY `refunds_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `refunds` DROP FOREIGN KEY `refunds_approved_by_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `sync_cursors` DROP FOREIGN KEY `sync_cursors_terminal_id_terminals_id_fk`;
--> statement-breakpoint
ALTER TABLE `sync_cursors` DROP FOREIGN KEY `sync_cursors_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `store_members` DROP FOREIGN KEY `store_members_store_id_stores_id_fk`;
--> statement-breakpoint
ALTER TABLE `store_members` DROP FOREIGN KEY `store_members_user_id_users_id_fk`;
--> statement-breakpoint
ALTER TABLE `audit_logs` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `notifications` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `cash_sessions` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `terminal_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `closed_by` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `barcodes` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `product_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `categories` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `parent_id` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `products` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `category_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `unit_id` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `units` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `client_receipts` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `client_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `session_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `expenses` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `session_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `clients` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `suppliers` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `purchase_details` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `header_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `product_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `purchase_headers` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `supplier_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `received_by` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `supplier_payments` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `supplier_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `purchase_header_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `sales_details` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `header_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `product_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `voided_by` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `sales_headers` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `terminal_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `session_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `client_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `voided_by` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `source_event_id` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `sales_payments` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `header_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `session_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `stock_adjustments` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `product_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `requested_by` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `decided_by` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `movement_id` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `stock_alerts` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `product_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `stock_levels` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `product_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `stock_movements` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `product_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `reference_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `receipt_counters` MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `stores` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `created_by` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `terminals` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `registered_by` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `revoked_by` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `cash_movements` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `session_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `refund_lines` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `refund_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `detail_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `product_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `refund_payments` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `refund_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `refunds` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `header_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `terminal_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `session_id` char(36) CHARACTER SET ascii COLLATE ascii_bin, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `approved_by` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `sync_changes` MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `entity_id` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `sync_cursors` MODIFY COLUMN `terminal_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `sync_events` MODIFY COLUMN `terminal_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `event_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `sync_quarantine` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `event_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `terminal_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `sync_store_versions` MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `store_members` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `store_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
--> statement-breakpoint
ALTER TABLE `token_blacklist` MODIFY COLUMN `jti` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `user_id` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `users` MODIFY COLUMN `id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, MODIFY COLUMN `created_by` char(36) CHARACTER SET ascii COLLATE ascii_bin;
--> statement-breakpoint
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `cash_sessions` ADD CONSTRAINT `cash_sessions_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `cash_sessions` ADD CONSTRAINT `cash_sessions_terminal_id_terminals_id_fk` FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `cash_sessions` ADD CONSTRAINT `cash_sessions_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `cash_sessions` ADD CONSTRAINT `cash_sessions_closed_by_users_id_fk` FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `barcodes` ADD CONSTRAINT `barcodes_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `products` ADD CONSTRAINT `products_category_id_categories_id_fk` FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `products` ADD CONSTRAINT `products_unit_id_units_id_fk` FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `client_receipts` ADD CONSTRAINT `client_receipts_client_id_clients_id_fk` FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `client_receipts` ADD CONSTRAINT `client_receipts_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `client_receipts` ADD CONSTRAINT `client_receipts_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `client_receipts` ADD CONSTRAINT `client_receipts_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `expenses` ADD CONSTRAINT `expenses_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `expenses` ADD CONSTRAINT `expenses_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `expenses` ADD CONSTRAINT `expenses_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `purchase_details` ADD CONSTRAINT `purchase_details_header_id_purchase_headers_id_fk` FOREIGN KEY (`header_id`) REFERENCES `purchase_headers`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `purchase_details` ADD CONSTRAINT `purchase_details_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `purchase_headers` ADD CONSTRAINT `purchase_headers_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `purchase_headers` ADD CONSTRAINT `purchase_headers_supplier_id_suppliers_id_fk` FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `purchase_headers` ADD CONSTRAINT `purchase_headers_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `purchase_headers` ADD CONSTRAINT `purchase_headers_received_by_users_id_fk` FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `supplier_payments` ADD CONSTRAINT `supplier_payments_supplier_id_suppliers_id_fk` FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `supplier_payments` ADD CONSTRAINT `supplier_payments_purchase_header_id_purchase_headers_id_fk` FOREIGN KEY (`purchase_header_id`) REFERENCES `purchase_headers`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `supplier_payments` ADD CONSTRAINT `supplier_payments_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `supplier_payments` ADD CONSTRAINT `supplier_payments_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_details` ADD CONSTRAINT `sales_details_header_id_sales_headers_id_fk` FOREIGN KEY (`header_id`) REFERENCES `sales_headers`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_details` ADD CONSTRAINT `sales_details_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_details` ADD CONSTRAINT `sales_details_voided_by_users_id_fk` FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_terminal_id_terminals_id_fk` FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_client_id_clients_id_fk` FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_headers` ADD CONSTRAINT `sales_headers_voided_by_users_id_fk` FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_payments` ADD CONSTRAINT `sales_payments_header_id_sales_headers_id_fk` FOREIGN KEY (`header_id`) REFERENCES `sales_headers`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_payments` ADD CONSTRAINT `sales_payments_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sales_payments` ADD CONSTRAINT `sales_payments_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `stock_adjustments` ADD CONSTRAINT `stock_adjustments_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `stock_adjustments` ADD CONSTRAINT `stock_adjustments_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `stock_adjustments` ADD CONSTRAINT `stock_adjustments_requested_by_users_id_fk` FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `stock_adjustments` ADD CONSTRAINT `stock_adjustments_decided_by_users_id_fk` FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `stock_alerts` ADD CONSTRAINT `stock_alerts_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `stock_alerts` ADD CONSTRAINT `stock_alerts_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `stock_levels` ADD CONSTRAINT `stock_levels_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `stock_levels` ADD CONSTRAINT `stock_levels_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `stock_movements` ADD CONSTRAINT `stock_movements_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `stock_movements` ADD CONSTRAINT `stock_movements_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `stock_movements` ADD CONSTRAINT `stock_movements_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `receipt_counters` ADD CONSTRAINT `receipt_counters_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `terminals` ADD CONSTRAINT `terminals_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `cash_movements` ADD CONSTRAINT `cash_movements_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `cash_movements` ADD CONSTRAINT `cash_movements_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `refund_lines` ADD CONSTRAINT `refund_lines_refund_id_refunds_id_fk` FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `refund_lines` ADD CONSTRAINT `refund_lines_detail_id_sales_details_id_fk` FOREIGN KEY (`detail_id`) REFERENCES `sales_details`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `refund_lines` ADD CONSTRAINT `refund_lines_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `refund_payments` ADD CONSTRAINT `refund_payments_refund_id_refunds_id_fk` FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_header_id_sales_headers_id_fk` FOREIGN KEY (`header_id`) REFERENCES `sales_headers`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_terminal_id_terminals_id_fk` FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_session_id_cash_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_approved_by_users_id_fk` FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sync_cursors` ADD CONSTRAINT `sync_cursors_terminal_id_terminals_id_fk` FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `sync_cursors` ADD CONSTRAINT `sync_cursors_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `store_members` ADD CONSTRAINT `store_members_store_id_stores_id_fk` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE `store_members` ADD CONSTRAINT `store_members_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;
