/** The link a QR code carries: the survey with ?kenh=qr so answers count as the QR channel. */
export const qrLink = (publicUrl: string, unitSlug: string, surveySlug: string): string =>
  `${publicUrl}/${unitSlug}/khao-sat/${surveySlug}?kenh=qr`;
