CREATE TABLE `assertions` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`document_id` text NOT NULL,
	`concept_id` text,
	`skill_text` text NOT NULL,
	`resolution_method` text NOT NULL,
	`resolution_confidence` real NOT NULL,
	`raw_level` text,
	`scale` text,
	`level` real,
	`source_kind` text NOT NULL,
	`issuer` text,
	`issued_at` text,
	`last_practiced_at` text,
	`valid_until` text,
	`where_practiced` text,
	`source_path` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assertions_candidate_idx` ON `assertions` (`candidate_id`);--> statement-breakpoint
CREATE INDEX `assertions_concept_idx` ON `assertions` (`concept_id`);--> statement-breakpoint
CREATE INDEX `assertions_document_idx` ON `assertions` (`document_id`);--> statement-breakpoint
CREATE TABLE `candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`email` text,
	`location` text
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`format` text NOT NULL,
	`title` text,
	`issuer` text,
	`issued_at` text,
	`valid_until` text,
	`verification` text NOT NULL,
	`revocation` text NOT NULL,
	`credential_status` text,
	`file_name` text,
	`content_hash` text NOT NULL,
	`raw` text NOT NULL,
	`ingested_at` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `documents_candidate_idx` ON `documents` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` text NOT NULL,
	`op` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `outbox_next_attempt_idx` ON `outbox` (`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_candidate_idx` ON `outbox` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `taxonomy_concepts` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`json` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `taxonomy_concepts_source_idx` ON `taxonomy_concepts` (`source`);--> statement-breakpoint
CREATE TABLE `taxonomy_occupations` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`json` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `taxonomy_occupations_source_idx` ON `taxonomy_occupations` (`source`);