import { Type } from '@sinclair/typebox';
import { PRIORITY_GROUPS } from '../domain/aging.js';
import { REASONS, SCORES } from '../domain/rating-rules.js';

export const tags = ['Bộ phận một cửa – xếp hàng, đánh giá'];
export const UnitParams = Type.Object({ unit: Type.String() });
export const CounterParams = Type.Object({ unit: Type.String(), counter: Type.String({ pattern: '^[0-9]{1,2}$' }) });
export const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }) });

export const TakeTicketBody = Type.Object({
  service: Type.String({ minLength: 1, maxLength: 60 }),
  priority_group: Type.Optional(Type.Union([Type.Null(), ...PRIORITY_GROUPS.map((g) => Type.Literal(g))])),
});
export const TicketResponse = Type.Object({
  id: Type.String(), number: Type.String(), service: Type.String(), position: Type.Integer(), estimated_wait_s: Type.Integer(),
  token: Type.String(), follow_url: Type.String(), print_url: Type.String(), escpos_url: Type.String(),
});
export const ServiceItem = Type.Object({ code: Type.String(), prefix: Type.String(), name: Type.String(), name_en: Type.String(), waiting: Type.Integer() });
export const CounterItem = Type.Object({
  number: Type.Integer(), name: Type.String(), active: Type.Boolean(), services: Type.Array(Type.String()),
  current: Type.Union([Type.String(), Type.Null()]),
});
export const CallResponse = Type.Object({
  number: Type.String(), counter: Type.Integer(), called_at: Type.String(),
  previous: Type.Union([Type.Null(), Type.Object({ number: Type.String(), status: Type.String() })], {
    description: "The counter's ticket before this call: 'done' when it was being served, 'no_show' when it was only called",
  }),
});
export const ActionParams = Type.Object({
  unit: Type.String(), counter: Type.String({ pattern: '^[0-9]{1,2}$' }),
  action: Type.Union(['recall', 'start', 'finish', 'no-show', 'transfer', 'dossier'].map((a) => Type.Literal(a))),
});
export const ActionBody = Type.Object({
  to: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
  dossier_code: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
});
export const ActionResponse = Type.Object({ counter: Type.Integer(), number: Type.Union([Type.String(), Type.Null()]), status: Type.Union([Type.String(), Type.Null()]) });
export const BookingBody = Type.Object({
  service: Type.String({ maxLength: 60 }), day: Type.String({ maxLength: 10 }), slot: Type.String({ maxLength: 5 }),
  full_name: Type.String({ maxLength: 100 }), phone: Type.Optional(Type.String({ maxLength: 20 })),
});
export const BookingResponse = Type.Object({
  code: Type.String(), day: Type.String(), slot: Type.String(), service: Type.String(),
  cancel_token: Type.String({ description: 'Secret: lets the citizen cancel the booking before the slot' }), cancel_url: Type.String(),
});
export const CancelBookingBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 60 }) });
export const CancelBookingResponse = Type.Object({ code: Type.String(), day: Type.String(), slot: Type.String(), status: Type.String() });
export const RatingBody = Type.Object({
  ticket: Type.Optional(Type.String({ maxLength: 100 })),
  counter: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
  reception: Type.Optional(Type.String({ maxLength: 100 })),
  score: Type.Union(SCORES.map((s) => Type.Literal(s))),
  reasons: Type.Optional(Type.Array(Type.Union(REASONS.map((r) => Type.Literal(r))), { maxItems: REASONS.length })),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
});
export const RatingResponse = Type.Object({ id: Type.String() });
