/**
 * The language of the site being built. One build makes one site in one language, so the
 * locale is set once, from the manifest, where a process or thread starts working on a
 * site (the build pipeline, each chart worker, the Astro side's store) and read by the
 * formatters and the message catalogue (words/index.ts). Passing it through every
 * function that prints a number would thread one constant through the whole code base.
 */
export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

let current: Locale = 'ru';

export function setLocale(locale: Locale): void {
  if (!LOCALES.includes(locale)) throw new Error(`unknown locale ${String(locale)}`);
  current = locale;
}

export function locale(): Locale {
  return current;
}

/** The BCP 47 tag Intl formats with: ru-RU, en-US. */
export function intlLocale(l: Locale = current): string {
  return l === 'en' ? 'en-US' : 'ru-RU';
}

/**
 * A record that reads the current locale's catalogue entry on every access: for the few
 * exported tables (flag names, trend labels) many modules index by key, so they follow the
 * locale without every reader calling a function. JSON, `in` and Object.keys see the
 * current entry too.
 */
export function localized<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(current(), key),
    has: (_, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(current(), key);
      return d && { ...d, configurable: true };
    },
  });
}
