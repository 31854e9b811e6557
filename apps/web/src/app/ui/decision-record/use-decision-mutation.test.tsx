import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useDecisionMutation, useDeleteDecision } from './use-decision-mutation';

const keys = { lists: () => ['things', 'list'], detail: (id: string) => ['things', id] };

function setUp() {
  const queryClient = new QueryClient();
  const invalidated = vi.spyOn(queryClient, 'invalidateQueries');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return { queryClient, invalidated, wrapper };
}

describe('decision-record mutations', () => {
  it('put the answered record in its page’s cache and refresh the lists and what depends on the kind', async () => {
    const { queryClient, invalidated, wrapper } = setUp();
    const also = vi.fn(async () => {});
    const { result } = renderHook(() => useDecisionMutation(keys, async (name: string) => ({ id: 't1', name }), also), {
      wrapper,
    });
    await act(() => result.current.mutateAsync('Renamed'));
    expect(queryClient.getQueryData(['things', 't1'])).toEqual({ id: 't1', name: 'Renamed' });
    expect(invalidated).toHaveBeenCalledWith({ queryKey: ['things', 'list'] });
    expect(also).toHaveBeenCalledWith(queryClient);
  });

  it('refresh the lists after a delete', async () => {
    const { invalidated, wrapper } = setUp();
    const remove = vi.fn(async () => null);
    const { result } = renderHook(() => useDeleteDecision(keys, remove), { wrapper });
    await act(() => result.current.mutateAsync({ id: 't1', version: 2 }));
    expect(remove).toHaveBeenCalledWith({ id: 't1', version: 2 }, expect.anything());
    expect(invalidated).toHaveBeenCalledWith({ queryKey: ['things', 'list'] });
  });
});
