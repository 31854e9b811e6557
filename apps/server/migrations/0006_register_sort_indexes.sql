DROP INDEX "assets_organization_id_type_index";--> statement-breakpoint
DROP INDEX "risk_scenarios_organization_id_current_level_index";--> statement-breakpoint
DROP INDEX "risk_scenarios_organization_id_treatment_index";--> statement-breakpoint
CREATE INDEX "assets_ref_id_sort_index" ON "assets" USING btree ("organization_id",("ref_id" is null),lower(coalesce("ref_id", '')),"id");--> statement-breakpoint
CREATE INDEX "assets_ref_id_sort_desc_index" ON "assets" USING btree ("organization_id",("ref_id" is null),lower(coalesce("ref_id", '')) desc,"id" desc);--> statement-breakpoint
CREATE INDEX "assets_organization_id_type_id_index" ON "assets" USING btree ("organization_id","type","id");--> statement-breakpoint
CREATE INDEX "assets_organization_id_updated_at_id_index" ON "assets" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_ref_id_sort_index" ON "risk_scenarios" USING btree ("organization_id",("ref_id" is null),lower(coalesce("ref_id", '')),"id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_ref_id_sort_desc_index" ON "risk_scenarios" USING btree ("organization_id",("ref_id" is null),lower(coalesce("ref_id", '')) desc,"id" desc);--> statement-breakpoint
CREATE INDEX "risk_scenarios_organization_id_inherent_level_id_index" ON "risk_scenarios" USING btree ("organization_id","inherent_level","id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_organization_id_current_level_id_index" ON "risk_scenarios" USING btree ("organization_id","current_level","id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_organization_id_residual_level_id_index" ON "risk_scenarios" USING btree ("organization_id","residual_level","id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_organization_id_treatment_id_index" ON "risk_scenarios" USING btree ("organization_id","treatment","id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_organization_id_updated_at_id_index" ON "risk_scenarios" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_inherent_cell_index" ON "risk_scenarios" USING btree ("risk_assessment_id","inherent_probability","inherent_impact","inherent_level");--> statement-breakpoint
CREATE INDEX "risk_scenarios_current_cell_index" ON "risk_scenarios" USING btree ("risk_assessment_id","current_probability","current_impact","current_level","id");--> statement-breakpoint
CREATE INDEX "risk_scenarios_residual_cell_index" ON "risk_scenarios" USING btree ("risk_assessment_id","residual_probability","residual_impact","residual_level");