/**
 * Text Postgres can store. JSON allows escapes such as "\ud800" that decode to half of a UTF-16
 * character (a lone surrogate); Postgres and PostgREST refuse such text, so every input layer
 * refuses it first and names the field. No `u` flag and no String#isWellFormed: the browser
 * bundle shares this file.
 */

// a high surrogate not followed by a low one, or a low one not preceded by a high one
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is well-formed UTF-16 (no lone surrogate). */
export const isWellFormedText = (text: string): boolean => !loneSurrogate.test(text);
