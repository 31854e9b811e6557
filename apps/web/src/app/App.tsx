import { MantineProvider, Modal, mergeThemeOverrides, Notification } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onTotpEnrolmentRequired, onUnauthenticated } from './api/client';
import { ApiError } from './api/errors';
import { createAppRouter } from './router/router';
import { meQuery } from './session/me';
import { cssVariablesResolver, theme } from './theme';

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not fix itself by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));
  const { t } = useTranslation();
  // Every toast's and dialog's close button gets a name in the reader's language (Mantine leaves it unnamed).
  const localisedTheme = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          Notification: Notification.extend({
            defaultProps: { closeButtonProps: { 'aria-label': t('actions.close') } },
          }),
          Modal: Modal.extend({
            defaultProps: { closeButtonProps: { 'aria-label': t('actions.close') } },
          }),
        },
      }),
    [t],
  );

  // A session that expires while a page is open: forget the user and let the route guard send them to sign in.
  useEffect(() => {
    const unsubscribe = onUnauthenticated(() => {
      queryClient.setQueryData(meQuery.queryKey, null);
      void router.invalidate();
    });
    // The organisation started requiring two-factor authentication since /auth/me was read: learn it, and let the
    // route guard take the user to their profile to enrol.
    const unsubscribeEnrolment = onTotpEnrolmentRequired(() => {
      void queryClient.invalidateQueries(meQuery).then(() => router.invalidate());
    });
    return () => {
      unsubscribe();
      unsubscribeEnrolment();
    };
  }, [queryClient, router]);

  return (
    <MantineProvider theme={localisedTheme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
