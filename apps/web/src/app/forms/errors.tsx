import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { type ErrorText, errorText } from './error-text';

/** Server field errors keyed by input name (`body.name` → `name`); empty when the error is not a validation one. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldMap() : {};
}

/** Sentence and secondary detail for an error that does not belong to one input (see errorText for the choice). */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): ErrorText => errorText(error, t);
}

/** The sentence alone, where there is room for one line (an alert title). */
export function useErrorMessage() {
  const text = useErrorText();
  return (error: unknown): string => text(error).sentence;
}

/** The server's specifics beneath a translated sentence, dimmed because the sentence is the message. */
export function ErrorDetail({ error }: { error: unknown }) {
  const { detail } = useErrorText()(error);
  return detail ? (
    <Text size="xs" c="dimmed">
      {detail}
    </Text>
  ) : null;
}

/** Sentence and detail together, for a toast's message. */
export function ErrorLines({ error }: { error: unknown }) {
  const message = useErrorMessage();
  return (
    <>
      {message(error)}
      <ErrorDetail error={error} />
    </>
  );
}

interface FormAlertProps {
  error: unknown;
  /** Offered on a version conflict: reload the object and start again. */
  onReload?: () => void;
  /** Inputs that show their own server error; an error only about these needs no alert. */
  fields?: string[];
  /** A sentence of the form's own for some error codes, where it can say more than the generic one. */
  messages?: Partial<Record<string, string>>;
}

/** A form-level error; field errors are shown on their inputs instead, so a validation error with fields is silent. */
export function FormAlert({ error, onReload, fields = [], messages = {} }: FormAlertProps) {
  const { t } = useTranslation();
  const text = useErrorText();
  if (!error) return null;
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    if (Object.keys(error.fieldMap()).every((name) => fields.includes(name))) return null;
  }
  // A form's own sentence already names what the server detail would, so the detail goes with the generic one only.
  const own = error instanceof ApiError ? messages[error.code] : undefined;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('errors.title')} role="alert">
      <Text size="sm">{own || text(error).sentence}</Text>
      {!own && <ErrorDetail error={error} />}
      {error instanceof ApiError &&
        error.fieldErrors
          .filter((e) => !fields.includes(e.field.replace(/^(body|query|params)\./, '')))
          .map((e) => (
            <Text size="xs" key={e.field}>
              {e.field}: {e.message}
            </Text>
          ))}
      {error instanceof ApiError && error.requestId && error.status >= 500 && (
        <Text size="xs" c="dimmed">
          {t('errors.requestId', { id: error.requestId })}
        </Text>
      )}
      {error instanceof ApiError && error.isVersionConflict && onReload && (
        <Group mt="xs">
          <Button size="xs" variant="light" color="red" onClick={onReload}>
            {t('actions.reload')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
