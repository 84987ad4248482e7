CREATE TABLE `operator_contexts` (
	`url` text PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	`content` text NOT NULL,
	`added_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `documents` ADD `compact_jws` text;