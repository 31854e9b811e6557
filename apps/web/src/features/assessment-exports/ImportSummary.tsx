import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiError } from '../../app/api/errors';
import { ErrorDetail, useErrorMessage } from '../../app/forms/errors';
import type { ImportResult } from './use-assessment-import';
import { useExportsT } from './use-exports-t';

const SHOWN = 20;

/** What a dry run found: the counts, then the first changes, field by field. */
export function ImportChanges({ result }: { result: ImportResult }) {
  const t = useExportsT();
  if (result.changed === 0) return <Text>{t('nothingToChange')}</Text>;
  return (
    <>
      <Text>{t('summary', { changed: result.changed, unchanged: result.unchanged })}</Text>
      <List size="sm" spacing={4} aria-label={t('changesLabel')}>
        {result.changes.slice(0, SHOWN).map((change) => (
          <List.Item key={change.requirementUrn}>
            <Text span fw={600} size="sm">
              {change.refId ?? change.requirementUrn}
            </Text>{' '}
            {[
              ...Object.entries(change.fields).map(
                ([field, { from, to }]) => `${field}: ${from ?? '—'} → ${to ?? '—'}`,
              ),
              ...[change.controlsAdded, change.evidenceAdded]
                .filter((names) => names.length > 0)
                .map((names) => t('linksAdded', { names: names.join(', ') })),
              ...[change.controlsRemoved, change.evidenceRemoved]
                .filter((names) => names.length > 0)
                .map((names) => t('linksRemoved', { names: names.join(', ') })),
            ].join(' · ')}
          </List.Item>
        ))}
      </List>
      {result.changes.length > SHOWN && (
        <Text size="sm" c="dimmed">
          {t('moreChanges', { count: result.changes.length - SHOWN })}
        </Text>
      )}
    </>
  );
}

/** True when the file was refused only because rows were changed in Rampart after it was exported (409). */
export const isImportConflict = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && error.fieldErrors.length > 0;

/** A refused file: every located problem (sheet, row, column) as the server wrote it. */
export function ImportProblems({ error }: { error: unknown }) {
  const t = useExportsT();
  const message = useErrorMessage();
  const located = error instanceof ApiError ? error.fieldErrors : [];
  const heading = isImportConflict(error) ? t('conflicts') : t('problems');
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={message(error)} role="alert">
      <ErrorDetail error={error} />
      {located.length > 0 && (
        <>
          <Text size="sm">{heading}</Text>
          <List size="sm" aria-label={heading}>
            {located.map((problem) => (
              <List.Item key={`${problem.field}:${problem.message}`}>{problem.message}</List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
