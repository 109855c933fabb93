/**
 * TEMPORARY bridge: the profile vocabulary (keys and labels) still lives in the public-profile
 * feature. It moves to `src/lib/profile-vocabulary.ts` once that feature is done; then only this
 * import changes (or this file goes and its importers point at src/lib).
 */
// eslint-disable-next-line no-restricted-imports -- the one sanctioned cross-feature import, until the vocabulary moves to src/lib
export { vocabularyKeys, vocabularyLabel, type VocabularyKind } from '@/features/public-profile/lib/vocabulary';
