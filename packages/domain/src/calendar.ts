// Calendar days as the apps count and show them: in Vietnam, as `YYYY-MM-DD`.
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })

/** The calendar day in Vietnam of a moment (now by default). */
export const dayInVietnam = (at: number | Date = Date.now()): string => VIETNAM_DAY.format(at)
