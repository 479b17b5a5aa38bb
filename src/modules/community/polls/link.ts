/** The shareable link of a poll (fanpage, Zalo group, printed notice). */
export const pollLink = (publicUrl: string, unitSlug: string, code: string): string => `${publicUrl}/${unitSlug}/bieu-quyet/${code}`;

