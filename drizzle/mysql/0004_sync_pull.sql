CREATE TABLE `sync_changes` (
	`store_id` char(36) NOT NULL,
	`entity` varchar(20) NOT NULL,
	`entity_id` varchar(36) NOT NULL,
	`version` bigint NOT NULL,
	`op` varchar(20) NOT NULL,
	`changed_at` datetime(3) NOT NULL,
	CONSTRAINT `sync_changes_pk` PRIMARY KEY(`store_id`,`entity`,`entity_id`),
	CONSTRAINT `sync_changes_store_version_uq` UNIQUE(`store_id`,`version`)
);
--> statement-breakpoint
CREATE TABLE `sync_store_versions` (
	`store_id` char(36) NOT NULL,
	`version` bigint NOT NULL DEFAULT 0,
	`initialized` boolean NOT NULL DEFAULT false,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `sync_store_versions_store_id` PRIMARY KEY(`store_id`)
);
