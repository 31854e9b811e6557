import type { Command } from 'commander';
import { z } from 'zod';
import { type ChainReport, verifyAuditChain } from '../modules/audit/verify.js';
import { organizations } from '../modules/organizations/tables.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { CliError, cliConfig, withDatabase } from './shared.js';

export interface ChainResult {
  chain: string;
  report: ChainReport;
}

/** One organisation's chain, or every chain (the global one and each organisation's) when none is named. */
export async function verifyChains(database: DatabaseHandle, organizationId?: string): Promise<ChainResult[]> {
  if (organizationId) {
    return [{ chain: `organisation ${organizationId}`, report: await verifyAuditChain(database.db, organizationId) }];
  }
  const results: ChainResult[] = [{ chain: 'global', report: await verifyAuditChain(database.db, null) }];
  const orgs = await database.db.select({ id: organizations.id, name: organizations.name }).from(organizations);
  for (const org of orgs) {
    results.push({
      chain: `organisation ${org.id} (${org.name})`,
      report: await verifyAuditChain(database.db, org.id),
    });
  }
  return results;
}

export function formatChainResult({ chain, report }: ChainResult): string {
  if (report.ok)
    return `OK      ${chain}: ${report.checked} events, last seq ${report.lastSeq} hash ${report.lastHash}`;
  const broken = report.firstBroken;
  return (
    `BROKEN  ${chain}: ${broken?.reason ?? 'unknown'} at seq ${broken?.seq ?? '?'} (event ${broken?.id ?? '?'}); ` +
    `intact up to seq ${report.lastSeq} hash ${report.lastHash}`
  );
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Audit trail tools.');
  audit
    .command('verify')
    .description('Check the tamper-evident hash chain of the audit trail. Exits 1 when a chain is broken.')
    .option('--org <id>', 'only this organisation (default: the global chain and every organisation)')
    .action(async (options: { org?: string }) => {
      if (options.org !== undefined && !z.uuid().safeParse(options.org).success) {
        throw new CliError('--org: must be an organisation id (a UUID)');
      }
      const config = cliConfig();
      const results = await withDatabase(config, (database) => verifyChains(database, options.org));
      for (const result of results) console.log(formatChainResult(result));
      const broken = results.filter((r) => !r.report.ok).length;
      if (broken > 0) throw new CliError(`${broken} broken audit chain${broken === 1 ? '' : 's'}`);
      console.log(`All ${results.length} chain${results.length === 1 ? '' : 's'} intact.`);
    });
}
