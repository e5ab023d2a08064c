import type { charts as ru } from '../ru/charts.ts';

export const charts: typeof ru = {
};
