import { Alert, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/errors';
import { ErrorDetail, useErrorMessage } from '../../app/forms/errors';
import type { RiskImportResult } from './use-risk-import';

const SHOWN = 50;

interface LocatedError {
  row: number | null;
  column: string | null;
  message: string;
}

/** The located problems as a table: row, column, what is wrong. */
export function ImportErrors({ errors }: { errors: LocatedError[] }) {
  const { t } = useTranslation('riskExports');
  return (
    <Alert
      color="red"
      icon={<IconAlertCircle aria-hidden />}
      title={t('problems', { count: errors.length })}
      role="alert"
    >
      <Table withTableBorder striped aria-label={t('problemsLabel')} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('colRow')}</Table.Th>
            <Table.Th>{t('colColumn')}</Table.Th>
            <Table.Th>{t('colProblem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.slice(0, SHOWN).map((e) => (
            <Table.Tr key={`${e.row}:${e.column}:${e.message}`}>
              <Table.Td>{e.row ?? '—'}</Table.Td>
              <Table.Td>{e.column ?? '—'}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {errors.length > SHOWN && <Text size="sm">{t('more', { count: errors.length - SHOWN })}</Text>}
    </Alert>
  );
}

/**
 * A refused request: a file-level 400 lists located problems as `file.Scenarios[row].column`; those are shown in
 * the same table as a dry run's; any other error is one sentence.
 */
export function ImportRefusal({ error }: { error: unknown }) {
  const message = useErrorMessage();
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    return (
      <ImportErrors
        errors={error.fieldErrors.map((f) => {
          const located = /^file\.[^[.]+(?:\[(\d+)\])?(?:\.(.+))?$/.exec(f.field);
          return {
            row: located?.[1] ? Number(located[1]) : null,
            column: located?.[2] ?? null,
            message: f.message.replace(/^Row \d+(?:, column "[^"]*")?: /, ''),
          };
        })}
      />
    );
  }
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={message(error)} role="alert">
      <ErrorDetail error={error} />
    </Alert>
  );
}

/** What a dry run found: the counts, the rows that would change, and every problem. */
export function ImportPreview({ result }: { result: RiskImportResult }) {
  const { t } = useTranslation('riskExports');
  const changing = result.rows.filter((r) => r.action !== 'unchanged');
  return (
    <Stack gap="sm" aria-label={t('previewLabel')} role="group">
      <Group gap="xl">
        {(['create', 'update', 'unchanged'] as const).map((key) => (
          <Stack key={key} gap={0}>
            <Text size="xs" c="dimmed">
              {t(key)}
            </Text>
            <Text fw={700} size="lg" data-testid={`risk-import-${key}`}>
              {result[key]}
            </Text>
          </Stack>
        ))}
      </Group>
      {result.errors.length > 0 && <ImportErrors errors={result.errors} />}
      {result.errors.length === 0 && changing.length === 0 && <Text>{t('nothingToChange')}</Text>}
      {result.errors.length === 0 && changing.length > 0 && (
        <Table withTableBorder aria-label={t('changesLabel')} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('colRow')}</Table.Th>
              <Table.Th>{t('colScenario')}</Table.Th>
              <Table.Th>{t('colAction')}</Table.Th>
              <Table.Th>{t('colColumns')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changing.slice(0, SHOWN).map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.refId ? `${r.refId} — ${r.name}` : r.name}</Table.Td>
                <Table.Td>{r.action === 'create' ? t('actionCreate') : t('actionUpdate')}</Table.Td>
                <Table.Td>{r.fields.join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {changing.length > SHOWN && <Text size="sm">{t('more', { count: changing.length - SHOWN })}</Text>}
    </Stack>
  );
}
