// English registers the reference catalogue (../en.ts, where every new key is added first).
import { en } from '../en.ts';
import type { Catalogue, LocaleModule } from '../catalogue.ts';

export const messages: Catalogue = en;

export const locale: LocaleModule['locale'] = { code: 'en', nativeName: 'English', intlLocale: 'en-IN' };
