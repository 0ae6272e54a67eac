// Text that PostgreSQL cannot store (NUL), or that no person types (other control characters,
// unpaired UTF-16 surrogates), is refused at the edge with a field error, never sent on.

/** C0 controls except tab, line feed and carriage return; DEL; unpaired surrogates. */
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** The field error of such text (also its i18n key). */
export const TEXT_INVALID = 'TEXT_INVALID_CHARACTERS'

export function hasForbiddenText(value: string): boolean {
  return FORBIDDEN_TEXT.test(value)
}

/** The names of the form fields whose text has forbidden characters. */
export function fieldsWithForbiddenText(entries: Iterable<[string, FormDataEntryValue]>): string[] {
  const names = new Set<string>()
  for (const [name, value] of entries) if (hasForbiddenText(name) || (typeof value === 'string' && hasForbiddenText(value))) names.add(hasForbiddenText(name) ? 'form' : name)
  return [...names]
}

/** For names and labels taken from elsewhere (an uploaded file's name): control characters dropped. */
export function cleanText(value: string, max: number): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, '').replace(/[\ud800-\udfff]/g, '\ufffd').slice(0, max)
}

/** Text taken literally in a LIKE pattern: `%`, `_` and the escape character itself escaped. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** A LIKE pattern for "contains this text", taken literally. */
export const containsPattern = (text: string) => `%${likeLiteral(text)}%`
