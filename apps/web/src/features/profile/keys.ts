/** Query key of the signed-in user's own profile (name, language, two-factor state). */
export const profileKeys = {
  mine: ['profile'] as const,
};
