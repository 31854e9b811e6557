import { describe, expect, it } from 'vitest';
import { answer, UsageHooks, usageQuestion } from './usage.js';

describe('usage questions', () => {
  const count = usageQuestion<{ id: string }, number>('test.count');
  const guard = usageQuestion<{ id: string }, Promise<void>>('test.guard');
  const unanswered = usageQuestion<{ id: string }, number>('test.unanswered');

  it('collects every answer in module order, and none for a question nobody answers', () => {
    const hooks = new UsageHooks([
      answer(count, ({ id }) => id.length),
      answer(guard, async () => {}),
      answer(count, () => 10),
    ]);
    expect(hooks.ask(count, { id: 'abc' })).toEqual([3, 10]);
    expect(hooks.ask(unanswered, { id: 'abc' })).toEqual([]);
  });

  it('tells questions apart by identity, not by key', () => {
    const twin = usageQuestion<{ id: string }, number>('test.count');
    const hooks = new UsageHooks([answer(count, () => 1)]);
    expect(hooks.ask(twin, { id: 'x' })).toEqual([]);
  });

  it('awaits answers one after the other, and a refusal stops the ones after it', async () => {
    const calls: string[] = [];
    const slowFirst = answer(guard, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      calls.push('first');
    });
    const refuses = answer(guard, async () => {
      calls.push('second');
      throw new Error('in use');
    });
    const never = answer(guard, async () => {
      calls.push('third');
    });
    await expect(new UsageHooks([slowFirst, refuses, never]).askInTurn(guard, { id: 'x' })).rejects.toThrow('in use');
    expect(calls).toEqual(['first', 'second']);
  });
});
