-- Custom migration (drizzle-kit cannot declare FULLTEXT indexes): product search by name words
-- (GET /api/products/?search=, src-server/services/catalog-search.ts). Built without stopwords so that
-- words such as "the" or "and" are searchable; the session setting only affects this index's creation.
SET SESSION innodb_ft_enable_stopword = OFF;--> statement-breakpoint
CREATE FULLTEXT INDEX `products_name_ft` ON `products` (`name`);
