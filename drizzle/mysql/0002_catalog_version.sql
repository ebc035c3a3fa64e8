CREATE TABLE `catalog_version` (
	`id` tinyint NOT NULL,
	`version` bigint NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `catalog_version_id` PRIMARY KEY(`id`)
);
