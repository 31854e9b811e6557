CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"folder_id" uuid,
	"urn" varchar(300) NOT NULL,
	"ref_id" varchar(100) NOT NULL,
	"name" varchar(300) NOT NULL,
	"description" text,
	"framework_version" varchar(50) NOT NULL,
	"provider" varchar(200),
	"packager" varchar(200),
	"locale" varchar(10) DEFAULT 'en' NOT NULL,
	"copyright" text,
	"source_format" text NOT NULL,
	"source_sha256" varchar(64),
	"implementation_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_score" integer,
	"max_score" integer,
	"scores_definition" jsonb,
	"translations" jsonb,
	"requirement_count" integer DEFAULT 0 NOT NULL,
	"assessable_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mapping_set_id" uuid NOT NULL,
	"source_requirement_urn" varchar(300) NOT NULL,
	"target_requirement_urn" varchar(300) NOT NULL,
	"relationship" text NOT NULL,
	"rationale" text,
	"strength" integer
);
--> statement-breakpoint
CREATE TABLE "mapping_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"urn" varchar(300) NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"source_framework_urn" varchar(300) NOT NULL,
	"target_framework_urn" varchar(300) NOT NULL,
	"provider" varchar(200),
	"source_sha256" varchar(64),
	"rule_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_controls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"urn" varchar(300) NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300),
	"description" text,
	"category" varchar(40),
	"csf_function" varchar(20),
	"annotation" text,
	"provider" varchar(200),
	"translations" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requirement_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"parent_id" uuid,
	"urn" varchar(300) NOT NULL,
	"ref_id" varchar(100),
	"name" text,
	"description" text,
	"annotation" text,
	"order_index" integer NOT NULL,
	"depth" integer NOT NULL,
	"assessable" boolean NOT NULL,
	"implementation_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"importance" text,
	"typical_evidence" text,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"translations" jsonb,
	"extra" jsonb
);
--> statement-breakpoint
CREATE TABLE "requirement_reference_controls" (
	"requirement_node_id" uuid NOT NULL,
	"reference_control_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_rules" ADD CONSTRAINT "mapping_rules_mapping_set_id_mapping_sets_id_fk" FOREIGN KEY ("mapping_set_id") REFERENCES "public"."mapping_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_sets" ADD CONSTRAINT "mapping_sets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_controls" ADD CONSTRAINT "reference_controls_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_nodes" ADD CONSTRAINT "requirement_nodes_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_nodes" ADD CONSTRAINT "requirement_nodes_parent_id_requirement_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."requirement_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_reference_controls" ADD CONSTRAINT "requirement_reference_controls_requirement_node_id_requirement_nodes_id_fk" FOREIGN KEY ("requirement_node_id") REFERENCES "public"."requirement_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_reference_controls" ADD CONSTRAINT "requirement_reference_controls_reference_control_id_reference_controls_id_fk" FOREIGN KEY ("reference_control_id") REFERENCES "public"."reference_controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "frameworks_organization_id_index" ON "frameworks" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "frameworks_folder_id_index" ON "frameworks" USING btree ("folder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_urn_version_per_owner" ON "frameworks" USING btree (coalesce("organization_id", '00000000-0000-0000-0000-000000000000'::uuid),"urn","framework_version");--> statement-breakpoint
CREATE INDEX "mapping_rules_mapping_set_id_source_requirement_urn_index" ON "mapping_rules" USING btree ("mapping_set_id","source_requirement_urn");--> statement-breakpoint
CREATE INDEX "mapping_rules_mapping_set_id_target_requirement_urn_index" ON "mapping_rules" USING btree ("mapping_set_id","target_requirement_urn");--> statement-breakpoint
CREATE INDEX "mapping_sets_organization_id_index" ON "mapping_sets" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_sets_urn_per_owner" ON "mapping_sets" USING btree (coalesce("organization_id", '00000000-0000-0000-0000-000000000000'::uuid),"urn");--> statement-breakpoint
CREATE INDEX "reference_controls_organization_id_index" ON "reference_controls" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_controls_urn_per_owner" ON "reference_controls" USING btree (coalesce("organization_id", '00000000-0000-0000-0000-000000000000'::uuid),"urn");--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_nodes_urn_per_framework" ON "requirement_nodes" USING btree ("framework_id","urn");--> statement-breakpoint
CREATE INDEX "requirement_nodes_tree_order" ON "requirement_nodes" USING btree ("framework_id","order_index");--> statement-breakpoint
CREATE INDEX "requirement_nodes_parent_id_index" ON "requirement_nodes" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_reference_controls_pk" ON "requirement_reference_controls" USING btree ("requirement_node_id","reference_control_id");--> statement-breakpoint
CREATE INDEX "requirement_reference_controls_reference_control_id_index" ON "requirement_reference_controls" USING btree ("reference_control_id");