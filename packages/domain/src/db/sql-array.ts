/**
 * Values as a PostgreSQL array literal (`{a,b,c}`), for one `?::type[]` parameter: ids, codes,
 * numbers and days only (nothing that holds a comma, a brace or a quote).
 */
export const sqlArray = (values: readonly (string | number)[]): string => `{${values.join(',')}}`
