import type { glossary as ru } from '../ru/glossary.ts';

export const glossary: typeof ru = {
};
