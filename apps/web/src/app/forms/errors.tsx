import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';

/** Server field errors keyed by input name (`body.name` → `name`); empty when the error is not a validation one. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldMap() : {};
}

/** The sentence to show for an error that does not belong to one input. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('errors.network');
    if (error.isVersionConflict) return t('errors.versionConflict');
    if (error.code === 'permissions_not_held') return t('errors.permissionsNotHeld');
    if (error.code === 'totp_enrollment_required') return t('errors.totpRequired');
    if (error.status === 403 && error.code === 'forbidden') return error.message || t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    if (error.status >= 500) return t('errors.generic');
    return error.message || t('errors.generic');
  };
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
  const message = useErrorMessage();
  if (!error) return null;
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    if (Object.keys(error.fieldMap()).every((name) => fields.includes(name))) return null;
  }
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('errors.title')} role="alert">
      <Text size="sm">{(error instanceof ApiError && messages[error.code]) || message(error)}</Text>
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
