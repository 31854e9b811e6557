import { Button, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Load more" under a list while the server has another page (a keyset cursor); hidden on the last page. */
export function LoadMore({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Center mt="md">
      <Button variant="default" loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
        {t('actions.loadMore')}
      </Button>
    </Center>
  );
}
