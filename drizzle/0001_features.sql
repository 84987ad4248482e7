CREATE TABLE `degrees` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`document_id` text NOT NULL,
	`title` text NOT NULL,
	`level` text NOT NULL,
	`field` text,
	`issuer` text,
	`awarded_at` text,
	`source_path` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `degrees_candidate_idx` ON `degrees` (`candidate_id`);--> statement-breakpoint
CREATE INDEX `degrees_document_idx` ON `degrees` (`document_id`);--> statement-breakpoint
CREATE TABLE `positions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`requirements` text NOT NULL,
	`job_description` text,
	`unresolved` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`org` text,
	`scopes` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_token_hash_unique` ON `api_keys` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_name_idx` ON `api_keys` (`name`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`key_id` text,
	`key_name` text NOT NULL,
	`org` text,
	`action` text NOT NULL,
	`subject` text,
	`remote` text,
	`request_id` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_subject_idx` ON `audit_log` (`subject`);--> statement-breakpoint
CREATE TABLE `erasure_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`subject` text NOT NULL,
	`by` text NOT NULL,
	`reason` text NOT NULL,
	`removed` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `store_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
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