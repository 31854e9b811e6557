import { Alert, Code, List, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/errors';
import { FormAlert, useErrorMessage } from '../../app/forms/errors';

/** Mantine titles light alerts in shade 6, about 3:1 on their tint: the body's text colour reads in both schemes. */
export const readableAlertTitle = { title: { color: 'var(--mantine-color-text)' } };

/** A rejected file answers 400 with one error per problem: `field` is `file.<yaml path>`, the message has the line. */
const inFile = (field: string) => field === 'file' || field.startsWith('file.');

/**
 * Why an import failed. A rejected file gets a list of every located problem (they may share a YAML path, and a
 * list reads better than FormAlert's field lines when there are many); any other error is FormAlert's.
 */
export function ImportFailure({ error, problemsTitle }: { error: unknown; problemsTitle: string }) {
  const { t } = useTranslation('common');
  const message = useErrorMessage();
  const titleId = useId();
  const located = error instanceof ApiError ? error.fieldErrors.filter((e) => inFile(e.field)) : [];
  if (located.length === 0) return <FormAlert error={error} />;
  return (
    <Alert
      color="red"
      icon={<IconAlertCircle aria-hidden />}
      title={t('errors.title')}
      role="alert"
      styles={readableAlertTitle}
    >
      <Stack gap="xs">
        <Text size="sm">{message(error)}</Text>
        <Text size="sm" fw={500} id={titleId}>
          {problemsTitle}
        </Text>
        <List size="sm" spacing={4} aria-labelledby={titleId}>
          {located.map((problem, index) => {
            const path = problem.field.replace(/^file\.?/, '');
            return (
              // Problems have no id and may repeat a path; their order is the server's.
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, replaced as a whole on the next attempt
              <List.Item key={index}>
                {problem.message}
                {path && (
                  <>
                    {' '}
                    <Code>{path}</Code>
                  </>
                )}
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Alert>
  );
}
