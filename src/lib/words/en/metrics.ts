import type { metrics as ru } from '../ru/metrics.ts';

export const metrics: typeof ru = {
};
