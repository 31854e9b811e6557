import { describe, expect, it } from 'vitest';
import { type ErrorCode, errorStatus } from '../../../../server/src/platform/errors';
import { ApiError } from '../api/errors';
import { i18n } from '../i18n';
import * as common from '../i18n/common';
import { errorText, isTranslatedCode } from './error-text';

/** The server's codes that deliberately have no sentence under `errors.codes`, each with where it is handled. */
const handledElsewhere: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'field errors are shown on their inputs',
  version_conflict: 'errors.versionConflict, with a reload button',
  permissions_not_held: 'errors.permissionsNotHeld, or the form’s sentence naming the role',
  totp_enrollment_required: 'errors.totpRequired',
  not_found: 'errors.notFound, for every 404',
  totp_required: 'a step of the sign-in answer, never thrown as an error',
  setup_done: 'the setup page shows its own notice',
  unavailable: 'a 5xx: errors.generic and the request reference',
};

const languages = { en: common.en, fr: common.fr, de: common.de, nl: common.nl };
const serverCodes = Object.keys(errorStatus) as ErrorCode[];
const translated = Object.keys(common.en.errors.codes);

describe('error code sentences', () => {
  it('cover every server code that is not handled elsewhere, and only server codes', () => {
    for (const code of serverCodes) {
      expect.soft(isTranslatedCode(code) !== code in handledElsewhere, `${code}: exactly one of the two`).toBe(true);
    }
    expect(translated.filter((code) => !(code in errorStatus))).toEqual([]);
  });

  it.each(Object.entries(languages))('exist in %s for the same codes, written out', (language, strings) => {
    expect(Object.keys(strings.errors.codes)).toEqual(translated);
    for (const [code, sentence] of Object.entries(strings.errors.codes)) {
      expect.soft(sentence.trim(), `${language}.${code}`).not.toBe('');
      // The house style: typographic apostrophes and quotes, never the typewriter ones.
      expect.soft(sentence, `${language}.${code}`).not.toMatch(/['"]/);
      if (language !== 'en') {
        const english = common.en.errors.codes[code as keyof typeof common.en.errors.codes];
        expect.soft(sentence, `${language}.${code} is still English`).not.toBe(english);
      }
    }
  });
});

describe('errorText', () => {
  const fr = i18n.getFixedT('fr');
  const transition = new ApiError({
    status: 409,
    code: 'invalid_transition',
    detail: 'A risk acceptance cannot go from created to accepted',
  });

  it('says a translated code in the interface language and keeps the server detail beneath', () => {
    expect(errorText(transition, fr)).toEqual({
      sentence: common.fr.errors.codes.invalid_transition,
      detail: 'A risk acceptance cannot go from created to accepted',
    });
    expect(errorText(transition, i18n.getFixedT('de')).sentence).toBe(common.de.errors.codes.invalid_transition);
  });

  it('translates forbidden too, its specific reason becoming the detail', () => {
    const error = new ApiError({ status: 403, code: 'forbidden', detail: 'Only the named approver may accept' });
    expect(errorText(error, fr)).toEqual({
      sentence: common.fr.errors.codes.forbidden,
      detail: 'Only the named approver may accept',
    });
  });

  it('has no detail line when the server sent none', () => {
    expect(errorText(new ApiError({ status: 429, code: 'rate_limited' }), fr)).toEqual({
      sentence: common.fr.errors.codes.rate_limited,
    });
  });

  it('falls back to the server’s words for a code it does not know', () => {
    const error = new ApiError({ status: 409, code: 'brand_new_code', detail: 'Something only a newer server says' });
    expect(errorText(error, fr)).toEqual({ sentence: 'Something only a newer server says' });
  });

  it('keeps the special cases ahead of the code table', () => {
    expect(errorText(new ApiError({ status: 409, code: 'version_conflict', detail: 'x' }), fr)).toEqual({
      sentence: common.fr.errors.versionConflict,
    });
    expect(errorText(new ApiError({ status: 404, code: 'not_found', detail: 'Folder not found' }), fr)).toEqual({
      sentence: common.fr.errors.notFound,
    });
    expect(errorText(new ApiError({ status: 500, code: 'internal', detail: 'boom' }), fr)).toEqual({
      sentence: common.fr.errors.generic,
    });
    expect(errorText(new TypeError('Failed to fetch'), fr)).toEqual({ sentence: common.fr.errors.network });
  });
});
