CREATE TABLE "asset_dependencies" (
	"supporting_asset_id" uuid NOT NULL,
	"supported_asset_id" uuid NOT NULL,
	CONSTRAINT "asset_dependencies_pk" PRIMARY KEY("supporting_asset_id","supported_asset_id"),
	CONSTRAINT "asset_dependencies_not_self" CHECK ("asset_dependencies"."supporting_asset_id" <> "asset_dependencies"."supported_asset_id")
);
--> statement-breakpoint
CREATE TABLE "asset_owners" (
	"asset_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "asset_owners_pk" PRIMARY KEY("asset_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "asset_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"objective_scale" jsonb NOT NULL,
	"enabled_objectives" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"type" text NOT NULL,
	"category" text,
	"business_value" varchar(300),
	"security_objectives" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rto_minutes" integer,
	"rpo_minutes" integer,
	"mtd_minutes" integer,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_assets" (
	"finding_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "finding_assets_pk" PRIMARY KEY("finding_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "finding_controls" (
	"finding_id" uuid NOT NULL,
	"applied_control_id" uuid NOT NULL,
	CONSTRAINT "finding_controls_pk" PRIMARY KEY("finding_id","applied_control_id")
);
--> statement-breakpoint
CREATE TABLE "finding_scenarios" (
	"finding_id" uuid NOT NULL,
	"risk_scenario_id" uuid NOT NULL,
	CONSTRAINT "finding_scenarios_pk" PRIMARY KEY("finding_id","risk_scenario_id")
);
--> statement-breakpoint
CREATE TABLE "finding_slas" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"critical_days" integer,
	"high_days" integer,
	"medium_days" integer,
	"low_days" integer,
	"info_days" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"findings_assessment_id" uuid,
	"ref_id" varchar(100),
	"title" varchar(300) NOT NULL,
	"description" text,
	"severity" text NOT NULL,
	"status" text DEFAULT 'identified' NOT NULL,
	"owner_id" uuid,
	"identified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_date" date,
	"closed_at" timestamp with time zone,
	"source" varchar(50) DEFAULT 'manual' NOT NULL,
	"external_ref" varchar(300),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"category" text DEFAULT 'other' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"owner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_acceptance_scenarios" (
	"risk_acceptance_id" uuid NOT NULL,
	"risk_scenario_id" uuid NOT NULL,
	CONSTRAINT "risk_acceptance_scenarios_pk" PRIMARY KEY("risk_acceptance_id","risk_scenario_id")
);
--> statement-breakpoint
CREATE TABLE "risk_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"justification" text,
	"created_by_id" uuid,
	"approver_id" uuid,
	"state" text DEFAULT 'created' NOT NULL,
	"expiry_date" date,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	"revoked_at" timestamp with time zone,
	"reminded_for_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_assessment_people" (
	"risk_assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "risk_assessment_people_pk" PRIMARY KEY("risk_assessment_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"risk_matrix_id" uuid NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"assessment_version" varchar(50),
	"status" text DEFAULT 'planned' NOT NULL,
	"due_date" date,
	"risk_tolerance_level" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_register_filters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"query" varchar(2000) DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_scenario_assets" (
	"risk_scenario_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "risk_scenario_assets_pk" PRIMARY KEY("risk_scenario_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "risk_scenario_controls" (
	"risk_scenario_id" uuid NOT NULL,
	"applied_control_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "risk_scenario_controls_pk" PRIMARY KEY("risk_scenario_id","applied_control_id","kind")
);
--> statement-breakpoint
CREATE TABLE "risk_scenario_threats" (
	"risk_scenario_id" uuid NOT NULL,
	"threat_id" uuid NOT NULL,
	CONSTRAINT "risk_scenario_threats_pk" PRIMARY KEY("risk_scenario_id","threat_id")
);
--> statement-breakpoint
CREATE TABLE "risk_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"risk_assessment_id" uuid NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"vulnerabilities" text,
	"existing_controls_text" text,
	"inherent_probability" integer DEFAULT -1 NOT NULL,
	"inherent_impact" integer DEFAULT -1 NOT NULL,
	"inherent_level" integer DEFAULT -1 NOT NULL,
	"current_probability" integer DEFAULT -1 NOT NULL,
	"current_impact" integer DEFAULT -1 NOT NULL,
	"current_level" integer DEFAULT -1 NOT NULL,
	"residual_probability" integer DEFAULT -1 NOT NULL,
	"residual_impact" integer DEFAULT -1 NOT NULL,
	"residual_level" integer DEFAULT -1 NOT NULL,
	"treatment" text DEFAULT 'open' NOT NULL,
	"owner_id" uuid,
	"strength_of_knowledge" text,
	"justification" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_matrices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"folder_id" uuid,
	"urn" varchar(300) NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"definition" jsonb NOT NULL,
	"provider" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_exception_controls" (
	"security_exception_id" uuid NOT NULL,
	"applied_control_id" uuid NOT NULL,
	CONSTRAINT "security_exception_controls_pk" PRIMARY KEY("security_exception_id","applied_control_id")
);
--> statement-breakpoint
CREATE TABLE "security_exception_requirement_assessments" (
	"security_exception_id" uuid NOT NULL,
	"requirement_assessment_id" uuid NOT NULL,
	CONSTRAINT "security_exception_requirement_assessments_pk" PRIMARY KEY("security_exception_id","requirement_assessment_id")
);
--> statement-breakpoint
CREATE TABLE "security_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"justification" text,
	"created_by_id" uuid,
	"owner_id" uuid,
	"approver_id" uuid,
	"severity" text DEFAULT 'medium' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"expiry_date" date,
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	"reminded_for_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "threats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"folder_id" uuid,
	"urn" varchar(300),
	"ref_id" varchar(100),
	"name" varchar(300) NOT NULL,
	"description" text,
	"category" varchar(100),
	"provider" varchar(200),
	"translations" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "asset_dependencies" ADD CONSTRAINT "asset_dependencies_supporting_asset_id_assets_id_fk" FOREIGN KEY ("supporting_asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_dependencies" ADD CONSTRAINT "asset_dependencies_supported_asset_id_assets_id_fk" FOREIGN KEY ("supported_asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_owners" ADD CONSTRAINT "asset_owners_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_owners" ADD CONSTRAINT "asset_owners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_settings" ADD CONSTRAINT "asset_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_assets" ADD CONSTRAINT "finding_assets_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_assets" ADD CONSTRAINT "finding_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_controls" ADD CONSTRAINT "finding_controls_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_controls" ADD CONSTRAINT "finding_controls_applied_control_id_applied_controls_id_fk" FOREIGN KEY ("applied_control_id") REFERENCES "public"."applied_controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_scenarios" ADD CONSTRAINT "finding_scenarios_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_scenarios" ADD CONSTRAINT "finding_scenarios_risk_scenario_id_risk_scenarios_id_fk" FOREIGN KEY ("risk_scenario_id") REFERENCES "public"."risk_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_slas" ADD CONSTRAINT "finding_slas_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_findings_assessment_id_findings_assessments_id_fk" FOREIGN KEY ("findings_assessment_id") REFERENCES "public"."findings_assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings_assessments" ADD CONSTRAINT "findings_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings_assessments" ADD CONSTRAINT "findings_assessments_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings_assessments" ADD CONSTRAINT "findings_assessments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptance_scenarios" ADD CONSTRAINT "risk_acceptance_scenarios_risk_acceptance_id_risk_acceptances_id_fk" FOREIGN KEY ("risk_acceptance_id") REFERENCES "public"."risk_acceptances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptance_scenarios" ADD CONSTRAINT "risk_acceptance_scenarios_risk_scenario_id_risk_scenarios_id_fk" FOREIGN KEY ("risk_scenario_id") REFERENCES "public"."risk_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_acceptances" ADD CONSTRAINT "risk_acceptances_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_people" ADD CONSTRAINT "risk_assessment_people_risk_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("risk_assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_people" ADD CONSTRAINT "risk_assessment_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_risk_matrix_id_risk_matrices_id_fk" FOREIGN KEY ("risk_matrix_id") REFERENCES "public"."risk_matrices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_register_filters" ADD CONSTRAINT "risk_register_filters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_register_filters" ADD CONSTRAINT "risk_register_filters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenario_assets" ADD CONSTRAINT "risk_scenario_assets_risk_scenario_id_risk_scenarios_id_fk" FOREIGN KEY ("risk_scenario_id") REFERENCES "public"."risk_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenario_assets" ADD CONSTRAINT "risk_scenario_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenario_controls" ADD CONSTRAINT "risk_scenario_controls_risk_scenario_id_risk_scenarios_id_fk" FOREIGN KEY ("risk_scenario_id") REFERENCES "public"."risk_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenario_controls" ADD CONSTRAINT "risk_scenario_controls_applied_control_id_applied_controls_id_fk" FOREIGN KEY ("applied_control_id") REFERENCES "public"."applied_controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenario_threats" ADD CONSTRAINT "risk_scenario_threats_risk_scenario_id_risk_scenarios_id_fk" FOREIGN KEY ("risk_scenario_id") REFERENCES "public"."risk_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenario_threats" ADD CONSTRAINT "risk_scenario_threats_threat_id_threats_id_fk" FOREIGN KEY ("threat_id") REFERENCES "public"."threats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenarios" ADD CONSTRAINT "risk_scenarios_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenarios" ADD CONSTRAINT "risk_scenarios_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenarios" ADD CONSTRAINT "risk_scenarios_risk_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("risk_assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scenarios" ADD CONSTRAINT "risk_scenarios_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_matrices" ADD CONSTRAINT "risk_matrices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_matrices" ADD CONSTRAINT "risk_matrices_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_exception_controls" ADD CONSTRAINT "security_exception_controls_security_exception_id_security_exceptions_id_fk" FOREIGN KEY ("security_exception_id") REFERENCES "public"."security_exceptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_exception_controls" ADD CONSTRAINT "security_exception_controls_applied_control_id_applied_controls_id_fk" FOREIGN KEY ("applied_control_id") REFERENCES "public"."applied_controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_exception_requirement_assessments" ADD CONSTRAINT "security_exception_requirement_assessments_security_exception_id_security_exceptions_id_fk" FOREIGN KEY ("security_exception_id") REFERENCES "public"."security_exceptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_exception_requirement_assessments" ADD CONSTRAINT "security_exception_requirement_assessments_requirement_assessment_id_requirement_assessments_id_fk" FOREIGN KEY ("requirement_assessment_id") REFERENCES "public"."requirement_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_exceptions" ADD CONSTRAINT "security_exceptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_exceptions" ADD CONSTRAINT "security_exceptions_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_exceptions" ADD CONSTRAINT "security_exceptions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_exceptions" ADD CONSTRAINT "security_exceptions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_exceptions" ADD CONSTRAINT "security_exceptions_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_exceptions" ADD CONSTRAINT "security_exceptions_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threats" ADD CONSTRAINT "threats_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threats" ADD CONSTRAINT "threats_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_dependencies_supported_asset_id_index" ON "asset_dependencies" USING btree ("supported_asset_id");--> statement-breakpoint
CREATE INDEX "asset_owners_user_id_index" ON "asset_owners" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "assets_organization_id_name_id_index" ON "assets" USING btree ("organization_id","name","id");--> statement-breakpoint
CREATE INDEX "assets_organization_id_type_index" ON "assets" USING btree ("organization_id","type");--> statement-breakpoint
CREATE INDEX "assets_folder_id_index" ON "assets" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "assets_tags_gin" ON "assets" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "finding_assets_asset_id_index" ON "finding_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "finding_controls_applied_control_id_index" ON "finding_controls" USING btree ("applied_control_id");--> statement-breakpoint
CREATE INDEX "finding_scenarios_risk_scenario_id_index" ON "finding_scenarios" USING btree ("risk_scenario_id");--> statement-breakpoint
CREATE INDEX "findings_organization_id_status_index" ON "findings" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "findings_organization_id_severity_index" ON "findings" USING btree ("organization_id","severity");--> statement-breakpoint
CREATE INDEX "findings_folder_id_index" ON "findings" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "findings_findings_assessment_id_index" ON "findings" USING btree ("findings_assessment_id");--> statement-breakpoint
CREATE INDEX "findings_owner_id_index" ON "findings" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "findings_assessments_organization_id_index" ON "findings_assessments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "findings_assessments_folder_id_index" ON "findings_assessments" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "findings_assessments_owner_id_index" ON "findings_assessments" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "risk_acceptance_scenarios_risk_scenario_id_index" ON "risk_acceptance_scenarios" USING btree ("risk_scenario_id");--> statement-breakpoint
CREATE INDEX "risk_acceptances_organization_id_state_index" ON "risk_acceptances" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "risk_acceptances_folder_id_index" ON "risk_acceptances" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "risk_acceptances_approver_id_index" ON "risk_acceptances" USING btree ("approver_id");--> statement-breakpoint
CREATE INDEX "risk_acceptances_decided_by_id_index" ON "risk_acceptances" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "risk_acceptances_created_by_id_index" ON "risk_acceptances" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "risk_assessment_people_user_id_index" ON "risk_assessment_people" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "risk_assessments_organization_id_index" ON "risk_assessments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "risk_assessments_folder_id_index" ON "risk_assessments" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "risk_assessments_risk_matrix_id_index" ON "risk_assessments" USING btree ("risk_matrix_id");--> statement-breakpoint
CREATE INDEX "risk_register_filters_organization_id_user_id_index" ON "risk_register_filters" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "risk_register_filters_user_id_index" ON "risk_register_filters" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "risk_scenario_assets_asset_id_index" ON "risk_scenario_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "risk_scenario_controls_applied_control_id_index" ON "risk_scenario_controls" USING btree ("applied_control_id");--> statement-breakpoint
CREATE INDEX "risk_scenario_threats_threat_id_index" ON "risk_scenario_threats" USING btree ("threat_id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_risk_assessment_id_name_id_index" ON "risk_scenarios" USING btree ("risk_assessment_id","name","id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_organization_id_name_id_index" ON "risk_scenarios" USING btree ("organization_id","name","id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_organization_id_current_level_index" ON "risk_scenarios" USING btree ("organization_id","current_level");--> statement-breakpoint
CREATE INDEX "risk_scenarios_organization_id_treatment_index" ON "risk_scenarios" USING btree ("organization_id","treatment");--> statement-breakpoint
CREATE INDEX "risk_scenarios_folder_id_index" ON "risk_scenarios" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_owner_id_index" ON "risk_scenarios" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "risk_matrices_organization_id_index" ON "risk_matrices" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "risk_matrices_folder_id_index" ON "risk_matrices" USING btree ("folder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_matrices_urn_revision_per_owner" ON "risk_matrices" USING btree (coalesce("organization_id", '00000000-0000-0000-0000-000000000000'::uuid),"urn","revision");--> statement-breakpoint
CREATE INDEX "security_exception_controls_applied_control_id_index" ON "security_exception_controls" USING btree ("applied_control_id");--> statement-breakpoint
CREATE INDEX "security_exception_requirement_assessments_requirement_assessment_id_index" ON "security_exception_requirement_assessments" USING btree ("requirement_assessment_id");--> statement-breakpoint
CREATE INDEX "security_exceptions_organization_id_state_index" ON "security_exceptions" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "security_exceptions_folder_id_index" ON "security_exceptions" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "security_exceptions_owner_id_index" ON "security_exceptions" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "security_exceptions_approver_id_index" ON "security_exceptions" USING btree ("approver_id");--> statement-breakpoint
CREATE INDEX "security_exceptions_decided_by_id_index" ON "security_exceptions" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "security_exceptions_created_by_id_index" ON "security_exceptions" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "threats_organization_id_index" ON "threats" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "threats_folder_id_index" ON "threats" USING btree ("folder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "threats_urn_per_owner" ON "threats" USING btree (coalesce("organization_id", '00000000-0000-0000-0000-000000000000'::uuid),"urn") WHERE "threats"."urn" is not null;