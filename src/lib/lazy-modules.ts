import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Heavy libraries (charts, spreadsheets, PDF, images, mail parsing) cost seconds to import on a
 * small machine; loading them on first use keeps start-up short. All of them are CommonJS.
 */
function lazy<T>(name: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= require(name) as T);
}

export const echartsLib = lazy<typeof import('echarts')>('echarts');
export const excelLib = lazy<typeof import('exceljs')>('exceljs');
export const sharpLib = lazy<(typeof import('sharp'))['default']>('sharp');
export const mailparserLib = lazy<typeof import('mailparser')>('mailparser');
