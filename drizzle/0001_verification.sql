CREATE TABLE `issuer_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`controller` text NOT NULL,
	`method` text NOT NULL,
	`added_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `trusted_issuers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`added_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `documents` ADD `verification_status` text DEFAULT 'unsigned' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `verification_detail` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `verified_by` text;--> statement-breakpoint
CREATE INDEX `documents_verification_idx` ON `documents` (`verification_status`);