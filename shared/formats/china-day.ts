/**
 * "Today" as the workstation's users count days: the calendar day in China (UTC+8 all year, no
 * daylight saving), `YYYY-MM-DD`. Evaluation dates, authorization periods, credential validity
 * and the seal ledger all use it, so a check made at 07:00 in Hangzhou is not dated yesterday.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;

export function chinaDay(date: Date = new Date()): string {
  return new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
