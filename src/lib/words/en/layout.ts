import type { layout as ru } from '../ru/layout.ts';

export const layout: typeof ru = {
};
