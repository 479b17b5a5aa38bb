export const i18nGreetings: [string, string, string][] = [];
