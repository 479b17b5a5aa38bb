/** EMVCo TLV: 2-digit id, 2-digit length, value. */
export interface TlvField {
  id: string;
  value: string;
}

export function encodeTlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`Mã trường TLV không hợp lệ: ${id}`);
  if (value.length > 99) throw new Error(`Trường ${id} dài quá 99 ký tự`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

export function encodeTlvList(fields: readonly TlvField[]): string {
  return fields.map((f) => encodeTlv(f.id, f.value)).join('');
}

/** Parses a flat TLV string; throws on truncated or malformed input. */
export function decodeTlv(text: string): TlvField[] {
  const fields: TlvField[] = [];
  let at = 0;
  while (at < text.length) {
    const header = text.slice(at, at + 4);
    if (!/^\d{4}$/.test(header)) throw new Error(`Sai cấu trúc TLV ở vị trí ${at}`);
    const length = Number(header.slice(2));
    const value = text.slice(at + 4, at + 4 + length);
    if (value.length !== length) throw new Error(`Trường ${header.slice(0, 2)} bị cắt cụt`);
    fields.push({ id: header.slice(0, 2), value });
    at += 4 + length;
  }
  return fields;
}

export function findTlv(fields: readonly TlvField[], id: string): string | undefined {
  return fields.find((f) => f.id === id)?.value;
}
