import type { report as ru } from '../ru/report.ts';

export const report: typeof ru = {
};
