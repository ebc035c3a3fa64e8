-- The search index (0001) is kept by triggers, which write a product's FTS row at its insert and again at each
-- of its barcodes: a first pull of 100,000 products spent most of its write time there. A pull chunk (sync
-- worker, src-main/sync/pull-apply.ts) now pauses the triggers inside its own transaction and writes each
-- touched product's row once, whole; every other writer keeps the triggers. `paused` is 1 only inside such a
-- transaction (set at its start, cleared before its COMMIT), so no other connection ever sees it set, and a
-- crash rolls it back with the rest.
-- FTS5's automatic merging is off: it ran inside whichever commit filled a level, so every few dozen pull chunks
-- one held the write lock 15-60 ms merging segments. The sync worker merges instead, a bounded step (16 pages,
-- a few ms) at the end of each pull chunk and in short transactions of their own when a pull reaches the head
-- (mergeSearchIndex); crisis merges (FTS5's 16 segments on a level) stay on for any other writer.
INSERT INTO `products_fts` (`products_fts`, `rank`) VALUES ('automerge', 0);
--> statement-breakpoint
CREATE TABLE `search_index_control` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`paused` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `search_index_control` (`id`, `paused`) VALUES (1, 0);
--> statement-breakpoint
DROP TRIGGER `products_fts_ai`;
--> statement-breakpoint
CREATE TRIGGER `products_fts_ai` AFTER INSERT ON `products`
WHEN (SELECT paused FROM search_index_control WHERE id = 1) = 0 BEGIN
  INSERT INTO products_fts(rowid, name, sku, barcodes) VALUES (new.rowid, new.name, new.sku, '');
END;
--> statement-breakpoint
DROP TRIGGER `products_fts_au`;
--> statement-breakpoint
CREATE TRIGGER `products_fts_au` AFTER UPDATE OF name, sku ON `products`
WHEN (SELECT paused FROM search_index_control WHERE id = 1) = 0 BEGIN
  UPDATE products_fts SET name = new.name, sku = new.sku WHERE rowid = new.rowid;
END;
--> statement-breakpoint
DROP TRIGGER `products_fts_ad`;
--> statement-breakpoint
CREATE TRIGGER `products_fts_ad` AFTER DELETE ON `products`
WHEN (SELECT paused FROM search_index_control WHERE id = 1) = 0 BEGIN
  DELETE FROM products_fts WHERE rowid = old.rowid;
END;
--> statement-breakpoint
DROP TRIGGER `barcodes_fts_ai`;
--> statement-breakpoint
CREATE TRIGGER `barcodes_fts_ai` AFTER INSERT ON `barcodes`
WHEN (SELECT paused FROM search_index_control WHERE id = 1) = 0 BEGIN
  UPDATE products_fts SET barcodes = (SELECT group_concat(code, ' ') FROM barcodes WHERE product_id = new.product_id)
  WHERE rowid = (SELECT rowid FROM products WHERE id = new.product_id);
END;
--> statement-breakpoint
DROP TRIGGER `barcodes_fts_ad`;
--> statement-breakpoint
CREATE TRIGGER `barcodes_fts_ad` AFTER DELETE ON `barcodes`
WHEN (SELECT paused FROM search_index_control WHERE id = 1) = 0 BEGIN
  UPDATE products_fts SET barcodes = coalesce((SELECT group_concat(code, ' ') FROM barcodes WHERE product_id = old.product_id), '')
  WHERE rowid = (SELECT rowid FROM products WHERE id = old.product_id);
END;
