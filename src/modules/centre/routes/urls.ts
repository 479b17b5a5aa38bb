/** Public URLs of the centre's pages (Vietnamese paths). */
export const urls = {
  kiosk: (u: string) => `/${u}/quay/lay-so`,
  printTicket: (u: string, token: string) => `/${u}/quay/in-ve/${token}`,
  follow: (u: string, token: string) => `/${u}/quay/ve/${token}`,
  display: (u: string) => `/${u}/quay/man-hinh`,
  booking: (u: string) => `/${u}/quay/dat-lich`,
  device: (u: string, counter: number | string) => `/${u}/quay/danh-gia/${counter}`,
  pairDevice: (u: string, counter: number | string, code: string) => `/${u}/quay/danh-gia/${counter}/ghep/${code}`,
  rate: (u: string, token: string) => `/${u}/danh-gia/${token}`,
  rateReception: (u: string, token: string) => `/${u}/danh-gia/tiep-cong-dan/${token}`,
  escpos: (u: string, id: string) => `/api/v1/units/${u}/queue/tickets/${id}/escpos`,
  staffHome: (u: string) => `/quan-tri/${u}/quay`,
  counter: (u: string, n: number | string) => `/quan-tri/${u}/quay/${n}`,
  devices: (u: string, n: number | string) => `/quan-tri/${u}/quay/${n}/thiet-bi`,
  stats: (u: string) => `/quan-tri/${u}/quay/thong-ke`,
  reception: (u: string) => `/quan-tri/${u}/quay/tiep-cong-dan`,
};
