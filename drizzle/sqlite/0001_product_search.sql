-- FTS5 index over product name, SKU and barcodes, kept in step with products/barcodes by triggers.
-- rowid of products_fts = rowid of products. Prefix indexes make search-as-you-type instant.
CREATE VIRTUAL TABLE `products_fts` USING fts5(name, sku, barcodes, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
--> statement-breakpoint
CREATE TRIGGER `products_fts_ai` AFTER INSERT ON `products` BEGIN
  INSERT INTO products_fts(rowid, name, sku, barcodes) VALUES (new.rowid, new.name, new.sku, '');
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_au` AFTER UPDATE OF name, sku ON `products` BEGIN
  UPDATE products_fts SET name = new.name, sku = new.sku WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_ad` AFTER DELETE ON `products` BEGIN
  DELETE FROM products_fts WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `barcodes_fts_ai` AFTER INSERT ON `barcodes` BEGIN
  UPDATE products_fts SET barcodes = (SELECT group_concat(code, ' ') FROM barcodes WHERE product_id = new.product_id)
  WHERE rowid = (SELECT rowid FROM products WHERE id = new.product_id);
END;
--> statement-breakpoint
CREATE TRIGGER `barcodes_fts_ad` AFTER DELETE ON `barcodes` BEGIN
  UPDATE products_fts SET barcodes = coalesce((SELECT group_concat(code, ' ') FROM barcodes WHERE product_id = old.product_id), '')
  WHERE rowid = (SELECT rowid FROM products WHERE id = old.product_id);
END;
