export { crc16CcittFalse } from './crc16.js';
export { decodeTlv, encodeTlv, encodeTlvList, type TlvField } from './tlv.js';
export {
  buildVietQr, parseVietQr, hasValidCrc, toPurposeText,
  NAPAS_GUID, SERVICE_TO_ACCOUNT, SERVICE_TO_CARD, PURPOSE_MAX_LENGTH,
  type VietQrInput, type VietQrData,
} from './vietqr.js';
export { qrSvg } from '../qr/index.js';
export { NAPAS_BANKS, bankByBin, type NapasBank } from './banks.js';
