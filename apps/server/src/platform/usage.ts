import type { DbOrTx } from './db/client.js';

/**
 * Questions a module asks about its own objects that only the modules built on it can answer: "what lives in
 * this folder?", "may this applied control be deleted?", "how many assessments rate on this matrix?". The module
 * that owns the objects defines the question in its public face; every module that uses those objects answers
 * it on its `ModuleDefinition`; the app hands the collected answers to the modules as `ctx.usage`. The asking
 * module therefore never imports the modules above it, and a new module joins by answering, not by being
 * imported.
 */
export interface UsageQuestion<Args, Answer> {
  /** Names the question in errors and docs; questions are told apart by identity, not by this key. */
  readonly key: string;
  /** Carries the types only; never set. */
  readonly types?: (args: Args) => Answer;
}

export function usageQuestion<Args, Answer>(key: string): UsageQuestion<Args, Answer> {
  return Object.freeze({ key });
}

/** One module's answer to one question, as listed on its `ModuleDefinition.answers`. */
export interface UsageAnswer {
  readonly question: UsageQuestion<never, unknown>;
  readonly answer: (args: never) => unknown;
}

export function answer<Args, Answer>(question: UsageQuestion<Args, Answer>, fn: (args: Args) => Answer): UsageAnswer {
  return { question: question as UsageQuestion<never, unknown>, answer: fn as (args: never) => unknown };
}

/** The answers of every module, collected once per app from the module list. */
export class UsageHooks {
  private readonly byQuestion = new Map<UsageQuestion<never, unknown>, Array<(args: never) => unknown>>();

  constructor(answers: readonly UsageAnswer[]) {
    for (const { question, answer: fn } of answers) {
      const list = this.byQuestion.get(question) ?? [];
      list.push(fn);
      this.byQuestion.set(question, list);
    }
  }

  /** Every answer, in module order (synchronous answers such as SQL expressions). */
  ask<Args, Answer>(question: UsageQuestion<Args, Answer>, args: Args): Answer[] {
    const fns = (this.byQuestion.get(question as UsageQuestion<never, unknown>) ?? []) as Array<(a: Args) => Answer>;
    return fns.map((fn) => fn(args));
  }

  /**
   * Every answer awaited one after the other, in module order: answers run inside the asker's transaction and may
   * take row locks, which must be taken in the same order by every caller (and one connection runs one statement
   * at a time anyway). A guard refuses by throwing its `AppError`.
   */
  async askInTurn<Args, Answer>(question: UsageQuestion<Args, Promise<Answer>>, args: Args): Promise<Answer[]> {
    const fns = (this.byQuestion.get(question as UsageQuestion<never, unknown>) ?? []) as Array<
      (a: Args) => Promise<Answer>
    >;
    const answers: Answer[] = [];
    for (const fn of fns) answers.push(await fn(args));
    return answers;
  }
}

/**
 * The arguments of a "may this object be deleted?" question. Asked inside the deleting transaction after the
 * owning module has locked the object's row (`FOR UPDATE`): a concurrent insert of a link to it needs a key share
 * lock on that row and waits, so no new use slips in between the answers and the delete. An answer that refuses
 * throws its `AppError`. `access` is the caller's, so an answer names only what the caller may read.
 */
export interface DeletionCheck<Access> {
  tx: DbOrTx;
  access: Access;
  id: string;
}
