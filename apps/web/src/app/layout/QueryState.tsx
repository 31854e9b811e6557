import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/errors';

/** Loading spinner or error for a query; renders the children once the data is there. */
export function QueryState({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (query.error) return <FormAlert error={query.error} />;
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('states.loading')} />
      </Center>
    );
  }
  return <>{children}</>;
}
