CREATE TABLE `positions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`requirements` text NOT NULL,
	`job_description` text,
	`unresolved` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL
);
