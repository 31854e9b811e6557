import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { choose, PASSWORD, signIn } from './helpers.js';
import { type ApiSession, describeBrowser, useRampart } from './support/index.js';

/** Two small frameworks and a mapping set between them, in the Rampart library format. */
const library = `
format: rampart-library
formatVersion: 1
frameworks:
  - urn: urn:e2e:fw:source
    refId: SRC
    name: Source framework
    version: "1"
    requirements:
      - { urn: urn:e2e:req:s1, refId: S1, name: Source one, assessable: true }
      - { urn: urn:e2e:req:s2, refId: S2, name: Source two, assessable: true }
      - { urn: urn:e2e:req:s3, refId: S3, name: Source three, assessable: true }
      - { urn: urn:e2e:req:s4, refId: S4, name: Source four, assessable: true }
  - urn: urn:e2e:fw:target
    refId: TGT
    name: Target framework
    version: "1"
    requirements:
      - { urn: urn:e2e:req:t1, refId: T1, name: Target one, assessable: true }
      - { urn: urn:e2e:req:t2, refId: T2, name: Target two, assessable: true }
      - { urn: urn:e2e:req:t3, refId: T3, name: Target three, assessable: true }
mappingSets:
  - urn: urn:e2e:map:source-target
    name: Source to target
    sourceFrameworkUrn: urn:e2e:fw:source
    targetFrameworkUrn: urn:e2e:fw:target
    rules:
      - { source: urn:e2e:req:s1, target: urn:e2e:req:t1, relationship: equal }
      - { source: urn:e2e:req:s2, target: urn:e2e:req:t2, relationship: subset }
      - { source: urn:e2e:req:s3, target: urn:e2e:req:t3, relationship: equal }
`;

type Row = { refId: string; assessment: { id: string; version: number } | null };

/** Sets a requirement's result through the API, as a person would in the workspace. */
async function setResult(api: ApiSession, assessmentId: string, refId: string, result: string) {
  const { items } = await api.request<{ items: Row[] }>(
    'GET',
    `/api/v1/compliance-assessments/${assessmentId}/requirements`,
  );
  const row = items.find((r) => r.refId === refId)?.assessment;
  if (!row) throw new Error(`no requirement ${refId}`);
  await api.request('PATCH', `/api/v1/requirement-assessments/${row.id}`, { version: row.version, result });
}

/** A block's text as the DOM holds it (badges are capitalised by CSS only), blanks dropped: "Compliant1". */
const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, '');

describeBrowser('compliance dashboard', () => {
  const rampart = useRampart();

  it('shows compliance per framework and follows a changed result; infers a new assessment from mappings', async () => {
    const api = rampart.api();
    const { rootFolderId } = await api.setup({
      email: 'dana@example.com',
      displayName: 'Dana',
      password: PASSWORD,
      organizationName: 'Dana Org',
    });
    await api.importLibrary({ name: 'dashboard-library.yaml', content: library, type: 'application/yaml' }, 'rampart');
    const { items: frameworks } = await api.request<{ items: { id: string; name: string }[] }>(
      'GET',
      '/api/v1/frameworks?q=Source',
    );
    const source = frameworks.find((f) => f.name === 'Source framework');
    if (!source) throw new Error('the library import did not create the source framework');
    const assessment = await api.request<{ id: string }>('POST', '/api/v1/compliance-assessments', {
      folderId: rootFolderId,
      frameworkId: source.id,
      name: 'Source 2026',
    });
    await setResult(api, assessment.id, 'S1', 'compliant');
    await setResult(api, assessment.id, 'S2', 'non_compliant');

    const page = await rampart.newPage();
    await signIn(page, 'dana@example.com');
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
    await page.goto('/dashboard');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const bar = page.getByTestId(`framework-${source.id}`);
    await bar.getByText('Compliance: 50 %').waitFor();
    await bar.getByText('1 assessment(s) · 50 % assessed').waitFor();
    expect(await text(page, 'result-compliant')).toBe('Compliant1');
    expect(await text(page, 'result-non_compliant')).toBe('Non-compliant1');
    expect(await text(page, 'result-not_assessed')).toBe('Notassessed2');
    await page.getByRole('link', { name: 'Source 2026' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A result changes through the API: after a reload the dashboard says so.
    await setResult(api, assessment.id, 'S2', 'compliant');
    await page.reload();
    await bar.getByText('Compliance: 100 %').waitFor();
    expect(await text(page, 'result-compliant')).toBe('Compliant2');
    expect(await text(page, 'result-non_compliant')).toBe('Non-compliant0');

    // The coverage page is one click away: nothing is covered by a control yet.
    await bar.getByRole('link', { name: 'Coverage' }).click();
    await page.getByRole('heading', { name: 'Coverage of Source framework', level: 1 }).waitFor();
    await page.getByText('0 covered, 0 partial, 4 gaps of 4 requirements').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Inference: from the source assessment to the target framework, previewed, then created.
    await page.goto('/assessments');
    await page.getByRole('heading', { name: 'Compliance assessments', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Infer from mappings' }).click();
    const dialog = page.getByRole('dialog', { name: 'New assessment from mappings' });
    await dialog.getByRole('textbox', { name: 'Source assessments' }).click();
    await page.getByRole('option', { name: 'Source 2026 — Source framework' }).click();
    await page.keyboard.press('Escape');
    await choose(page, 'Target framework', 'Target framework (1) · 1 mapping set(s) away');
    await choose(page, 'Folder', 'Dana Org');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Target from source');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    // S1 compliant → T1 compliant (equal); S2 compliant → T2 partially (subset); S3 not assessed → nothing.
    await dialog.getByTestId('preview-compliant').getByText('Compliant: 1').waitFor();
    expect(await text(page, 'preview-partially_compliant')).toBe('Partiallycompliant:1');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Create assessment' }).click();
    await page.getByRole('heading', { name: 'Target from source', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/assessments\/[0-9a-f-]{36}$/);
  });
});
