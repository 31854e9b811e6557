import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import '../app/i18n';
import { theme } from '../app/theme';

/**
 * Renders a component as the app does (Mantine theme, query client, English strings). `env="test"` turns off
 * Mantine's transitions and portals, so a dropdown's options are in the tree as soon as it opens.
 */
export function renderWithProviders(ui: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </MantineProvider>,
  );
}
