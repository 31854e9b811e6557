CREATE TABLE "compliance_assessment_people" (
	"assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "compliance_assessment_people_pk" PRIMARY KEY("assessment_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "compliance_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"implementation_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"scoring_method" text DEFAULT 'average' NOT NULL,
	"due_date" date,
	"locked_at" timestamp with time zone,
	"inferred_from" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requirement_assessment_controls" (
	"requirement_assessment_id" uuid NOT NULL,
	"applied_control_id" uuid NOT NULL,
	CONSTRAINT "requirement_assessment_controls_pk" PRIMARY KEY("requirement_assessment_id","applied_control_id")
);
--> statement-breakpoint
CREATE TABLE "requirement_assessment_evidence" (
	"requirement_assessment_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	CONSTRAINT "requirement_assessment_evidence_pk" PRIMARY KEY("requirement_assessment_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "requirement_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"requirement_node_id" uuid NOT NULL,
	"status" text DEFAULT 'to_do' NOT NULL,
	"result" text DEFAULT 'not_assessed' NOT NULL,
	"score" integer,
	"is_scored" boolean DEFAULT false NOT NULL,
	"observation" text,
	"inferred" boolean DEFAULT false NOT NULL,
	"inference" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applied_control_owners" (
	"applied_control_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "applied_control_owners_pk" PRIMARY KEY("applied_control_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "applied_control_reference_controls" (
	"applied_control_id" uuid NOT NULL,
	"reference_control_id" uuid NOT NULL,
	CONSTRAINT "applied_control_reference_controls_pk" PRIMARY KEY("applied_control_id","reference_control_id")
);
--> statement-breakpoint
CREATE TABLE "applied_control_requirements" (
	"applied_control_id" uuid NOT NULL,
	"requirement_node_id" uuid NOT NULL,
	CONSTRAINT "applied_control_requirements_pk" PRIMARY KEY("applied_control_id","requirement_node_id")
);
--> statement-breakpoint
CREATE TABLE "applied_controls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"status" text DEFAULT 'to_do' NOT NULL,
	"category" text,
	"csf_function" text,
	"priority" integer,
	"effort" text,
	"cost_build" integer,
	"cost_run" integer,
	"currency" varchar(3),
	"start_date" date,
	"eta" date,
	"expiry_date" date,
	"progress" integer DEFAULT 0 NOT NULL,
	"link" varchar(2000),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applied_control_evidence" (
	"applied_control_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	CONSTRAINT "applied_control_evidence_pk" PRIMARY KEY("applied_control_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"status" text DEFAULT 'missing' NOT NULL,
	"owner_id" uuid,
	"valid_until" date,
	"reminder_days" integer DEFAULT 30 NOT NULL,
	"reminded_for" date,
	"revision_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evidence_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"file_id" uuid,
	"sha256" varchar(64),
	"size" bigint,
	"content_type" varchar(200),
	"file_name" varchar(255),
	"url" varchar(2000),
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_assessment_people" ADD CONSTRAINT "compliance_assessment_people_assessment_id_compliance_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."compliance_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_assessment_people" ADD CONSTRAINT "compliance_assessment_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_assessments" ADD CONSTRAINT "compliance_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_assessments" ADD CONSTRAINT "compliance_assessments_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_assessments" ADD CONSTRAINT "compliance_assessments_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessment_controls" ADD CONSTRAINT "requirement_assessment_controls_requirement_assessment_id_requirement_assessments_id_fk" FOREIGN KEY ("requirement_assessment_id") REFERENCES "public"."requirement_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessment_controls" ADD CONSTRAINT "requirement_assessment_controls_applied_control_id_applied_controls_id_fk" FOREIGN KEY ("applied_control_id") REFERENCES "public"."applied_controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessment_evidence" ADD CONSTRAINT "requirement_assessment_evidence_requirement_assessment_id_requirement_assessments_id_fk" FOREIGN KEY ("requirement_assessment_id") REFERENCES "public"."requirement_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessment_evidence" ADD CONSTRAINT "requirement_assessment_evidence_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessments" ADD CONSTRAINT "requirement_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessments" ADD CONSTRAINT "requirement_assessments_assessment_id_compliance_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."compliance_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_assessments" ADD CONSTRAINT "requirement_assessments_requirement_node_id_requirement_nodes_id_fk" FOREIGN KEY ("requirement_node_id") REFERENCES "public"."requirement_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_control_owners" ADD CONSTRAINT "applied_control_owners_applied_control_id_applied_controls_id_fk" FOREIGN KEY ("applied_control_id") REFERENCES "public"."applied_controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_control_owners" ADD CONSTRAINT "applied_control_owners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_control_reference_controls" ADD CONSTRAINT "applied_control_reference_controls_applied_control_id_applied_controls_id_fk" FOREIGN KEY ("applied_control_id") REFERENCES "public"."applied_controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_control_reference_controls" ADD CONSTRAINT "applied_control_reference_controls_reference_control_id_reference_controls_id_fk" FOREIGN KEY ("reference_control_id") REFERENCES "public"."reference_controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_control_requirements" ADD CONSTRAINT "applied_control_requirements_applied_control_id_applied_controls_id_fk" FOREIGN KEY ("applied_control_id") REFERENCES "public"."applied_controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_control_requirements" ADD CONSTRAINT "applied_control_requirements_requirement_node_id_requirement_nodes_id_fk" FOREIGN KEY ("requirement_node_id") REFERENCES "public"."requirement_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_controls" ADD CONSTRAINT "applied_controls_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_controls" ADD CONSTRAINT "applied_controls_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_control_evidence" ADD CONSTRAINT "applied_control_evidence_applied_control_id_applied_controls_id_fk" FOREIGN KEY ("applied_control_id") REFERENCES "public"."applied_controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_control_evidence" ADD CONSTRAINT "applied_control_evidence_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_revisions" ADD CONSTRAINT "evidence_revisions_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_revisions" ADD CONSTRAINT "evidence_revisions_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_revisions" ADD CONSTRAINT "evidence_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_assessment_people_user_id_index" ON "compliance_assessment_people" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "compliance_assessments_organization_id_index" ON "compliance_assessments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "compliance_assessments_folder_id_index" ON "compliance_assessments" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "compliance_assessments_framework_id_index" ON "compliance_assessments" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "requirement_assessment_controls_applied_control_id_index" ON "requirement_assessment_controls" USING btree ("applied_control_id");--> statement-breakpoint
CREATE INDEX "requirement_assessment_evidence_evidence_id_index" ON "requirement_assessment_evidence" USING btree ("evidence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_assessments_node" ON "requirement_assessments" USING btree ("assessment_id","requirement_node_id");--> statement-breakpoint
CREATE INDEX "requirement_assessments_requirement_node_id_index" ON "requirement_assessments" USING btree ("requirement_node_id");--> statement-breakpoint
CREATE INDEX "requirement_assessments_organization_id_index" ON "requirement_assessments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "applied_control_owners_user_id_index" ON "applied_control_owners" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "applied_control_reference_controls_reference_control_id_index" ON "applied_control_reference_controls" USING btree ("reference_control_id");--> statement-breakpoint
CREATE INDEX "applied_control_requirements_requirement_node_id_index" ON "applied_control_requirements" USING btree ("requirement_node_id");--> statement-breakpoint
CREATE INDEX "applied_controls_organization_id_index" ON "applied_controls" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "applied_controls_folder_id_index" ON "applied_controls" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "applied_controls_organization_id_status_index" ON "applied_controls" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "applied_control_evidence_evidence_id_index" ON "applied_control_evidence" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "evidence_organization_id_index" ON "evidence" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "evidence_folder_id_index" ON "evidence" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "evidence_owner_id_index" ON "evidence" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "evidence_organization_id_valid_until_index" ON "evidence" USING btree ("organization_id","valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_revisions_number" ON "evidence_revisions" USING btree ("evidence_id","number");--> statement-breakpoint
CREATE INDEX "evidence_revisions_file_id_index" ON "evidence_revisions" USING btree ("file_id");