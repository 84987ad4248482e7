PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`key_id` text,
	`key_name` text NOT NULL,
	`org` text DEFAULT 'default' NOT NULL,
	`action` text NOT NULL,
	`subject` text,
	`remote` text,
	`request_id` text
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("id", "at", "key_id", "key_name", "org", "action", "subject", "remote", "request_id") SELECT "id", "at", "key_id", "key_name", coalesce("org", 'default'), "action", "subject", "remote", "request_id" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `audit_log_subject_idx` ON `audit_log` (`subject`,`org`);--> statement-breakpoint
CREATE TABLE `__new_api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`org` text DEFAULT 'default' NOT NULL,
	`scopes` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
INSERT INTO `__new_api_keys`("id", "name", "org", "scopes", "token_hash", "created_at", "expires_at", "revoked_at") SELECT "id", "name", coalesce("org", 'default'), "scopes", "token_hash", "created_at", "expires_at", "revoked_at" FROM `api_keys`;--> statement-breakpoint
DROP TABLE `api_keys`;--> statement-breakpoint
ALTER TABLE `__new_api_keys` RENAME TO `api_keys`;--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_token_hash_unique` ON `api_keys` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_name_idx` ON `api_keys` (`name`);--> statement-breakpoint
CREATE TABLE `__new_issuer_keys` (
	`org` text DEFAULT 'default' NOT NULL,
	`id` text NOT NULL,
	`controller` text NOT NULL,
	`method` text NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`org`, `id`)
);
--> statement-breakpoint
INSERT INTO `__new_issuer_keys`("org", "id", "controller", "method", "added_at") SELECT 'default', "id", "controller", "method", "added_at" FROM `issuer_keys`;--> statement-breakpoint
DROP TABLE `issuer_keys`;--> statement-breakpoint
ALTER TABLE `__new_issuer_keys` RENAME TO `issuer_keys`;--> statement-breakpoint
CREATE TABLE `__new_operator_contexts` (
	`org` text DEFAULT 'default' NOT NULL,
	`url` text NOT NULL,
	`sha256` text NOT NULL,
	`content` text NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`org`, `url`)
);
--> statement-breakpoint
INSERT INTO `__new_operator_contexts`("org", "url", "sha256", "content", "added_at") SELECT 'default', "url", "sha256", "content", "added_at" FROM `operator_contexts`;--> statement-breakpoint
DROP TABLE `operator_contexts`;--> statement-breakpoint
ALTER TABLE `__new_operator_contexts` RENAME TO `operator_contexts`;--> statement-breakpoint
CREATE TABLE `__new_trusted_issuers` (
	`org` text DEFAULT 'default' NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`org`, `id`)
);
--> statement-breakpoint
INSERT INTO `__new_trusted_issuers`("org", "id", "name", "added_at") SELECT 'default', "id", "name", "added_at" FROM `trusted_issuers`;--> statement-breakpoint
DROP TABLE `trusted_issuers`;--> statement-breakpoint
ALTER TABLE `__new_trusted_issuers` RENAME TO `trusted_issuers`;--> statement-breakpoint
ALTER TABLE `candidates` ADD `org` text DEFAULT 'default' NOT NULL;--> statement-breakpoint
CREATE INDEX `candidates_org_idx` ON `candidates` (`org`,`id`);--> statement-breakpoint
ALTER TABLE `positions` ADD `org` text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE `erasure_receipts` ADD `org` text DEFAULT 'default' NOT NULL;