import { ApiError } from '../api/errors';
import { en as codeSentences } from '../i18n/error-codes';

/** A domain error code of the API that has a sentence in every language (`common:errors.codes`). */
export type TranslatedCode = keyof typeof codeSentences;

type ErrorKey =
  | 'errors.network'
  | 'errors.versionConflict'
  | 'errors.permissionsNotHeld'
  | 'errors.totpRequired'
  | 'errors.notFound'
  | 'errors.generic'
  | `errors.codes.${TranslatedCode}`;

/** The slice of i18next's `t` this needs, so the choice can be tested without React. */
export type ErrorT = (key: ErrorKey) => string;

export interface ErrorText {
  /** One sentence in the interface language. */
  sentence: string;
  /** The server's own words beneath it, when they add the specifics a translated sentence cannot carry. */
  detail?: string;
}

export const isTranslatedCode = (code: string): code is TranslatedCode => Object.hasOwn(codeSentences, code);

/**
 * What to say about an error that does not belong to one input.
 *
 * A translated code gives the sentence, and the server's `detail` is kept as a secondary line: it is English
 * only, but it names the objects, states and counts involved ("A risk acceptance cannot go from created to
 * accepted", the assets of a dependency cycle, the content of a folder that is not empty), which a sentence per
 * code cannot. It stays in English interfaces too: there it is the same language and still the more specific of
 * the two. The special cases above it have their own full sentence, and 404 and 5xx details say nothing a person
 * can act on (a 5xx shows the request reference instead), so those come without a detail.
 */
export function errorText(error: unknown, t: ErrorT): ErrorText {
  if (!(error instanceof ApiError)) return { sentence: t('errors.network') };
  if (error.isVersionConflict) return { sentence: t('errors.versionConflict') };
  if (error.code === 'permissions_not_held') return { sentence: t('errors.permissionsNotHeld') };
  if (error.code === 'totp_enrollment_required') return { sentence: t('errors.totpRequired') };
  if (error.status === 404) return { sentence: t('errors.notFound') };
  if (error.status >= 500) return { sentence: t('errors.generic') };
  if (isTranslatedCode(error.code)) {
    const sentence = t(`errors.codes.${error.code}`);
    const detail = error.detail?.trim();
    return detail && detail !== sentence ? { sentence, detail } : { sentence };
  }
  // A code this interface does not know yet (a newer server): its own words beat a vague sentence.
  return { sentence: error.message || t('errors.generic') };
}
