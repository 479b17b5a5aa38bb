import type { IndicatorDefinition } from '../../../core/providers.js';

/** Ids of the indicators no module records: entered with an evidence file and approved by a reviewer. */
export const MANUAL = {
  greenParking: 'scoring.facilities_green_parking',
  comfort: 'scoring.facilities_comfort',
  namePlates: 'scoring.facilities_name_plates',
  equipment: 'scoring.facilities_equipment',
  wifi: 'scoring.facilities_wifi',
  cameras: 'scoring.facilities_cameras',
  innovation: 'scoring.innovation_recognised',
  frontSupervision: 'scoring.front_supervision',
  landDisclosure: 'scoring.land_disclosure',
  publicityForms: 'scoring.publicity_forms',
  uniformConduct: 'scoring.uniform_conduct',
} as const;

const def = (id: string, criterion: 1 | 2 | 3 | 4, vi: string, en: string): IndicatorDefinition => ({
  id, criterion, label: { vi, en }, unit: 'boolean',
  formula: { vi: 'Tự đánh giá kèm tệp minh chứng, được người duyệt chấp thuận (1 = đạt, 0 = chưa đạt)', en: 'Self-assessed with an evidence file, approved by a reviewer (1 = met, 0 = not met)' },
});

export const MANUAL_DEFINITIONS: IndicatorDefinition[] = [
  def(MANUAL.greenParking, 4, 'Cây xanh, chỗ để xe miễn phí cho người dân', 'Trees and free parking for visitors'),
  def(MANUAL.comfort, 4, 'Ghế ngồi, quạt/điều hòa, vòi nước uống, mái che', 'Seats, fans/air conditioning, drinking water, shelter'),
  def(MANUAL.namePlates, 4, 'Biển tên, chức danh, số điện thoại công chức', 'Name plates with title and phone'),
  def(MANUAL.equipment, 4, 'Máy photo, máy scan, máy in, máy tính tra cứu', 'Copier, scanner, printer, look-up computer'),
  def(MANUAL.wifi, 4, 'Wi-Fi miễn phí', 'Free Wi-Fi'),
  def(MANUAL.cameras, 4, 'Hệ thống camera giám sát', 'Surveillance cameras'),
  def(MANUAL.innovation, 4, 'Mô hình, sáng kiến được công nhận trong năm', 'Innovative model recognised this year'),
  def(MANUAL.frontSupervision, 1, 'Mặt trận Tổ quốc giám sát hoạt động chính quyền', "Fatherland Front's supervision of the government"),
  def(MANUAL.landDisclosure, 1, 'Công khai bồi thường, hỗ trợ, tái định cư', 'Land compensation and resettlement disclosed'),
  def(MANUAL.publicityForms, 1, 'Đủ hình thức công khai (niêm yết, trang TTĐT, truyền thanh, mạng xã hội, báo chí)', 'All publication channels used'),
  def(MANUAL.uniformConduct, 3, 'Đeo thẻ, mặc đồng phục, thực hiện quy tắc ứng xử', 'Badges, uniforms and code of conduct'),
];
