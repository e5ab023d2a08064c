import type { methodology as ru } from '../ru/methodology.ts';

export const methodology: typeof ru = {
};
