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
CREATE INDEX `degrees_document_idx` ON `degrees` (`document_id`);