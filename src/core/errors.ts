/** An error with an HTTP status and a message meant for the user (Vietnamese by default). */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }
  static badRequest(message: string, details?: unknown) { return new AppError(400, 'bad_request', message, details); }
  static unauthorized(message = 'Vui lòng đăng nhập.') { return new AppError(401, 'unauthorized', message); }
  static forbidden(message = 'Bạn không có quyền thực hiện thao tác này.') { return new AppError(403, 'forbidden', message); }
  static notFound(message = 'Không tìm thấy trang hoặc dữ liệu yêu cầu.') { return new AppError(404, 'not_found', message); }
  static conflict(message: string, details?: unknown) { return new AppError(409, 'conflict', message, details); }
  static tooLarge(message = 'Dữ liệu gửi lên quá lớn.') { return new AppError(413, 'payload_too_large', message); }
  static unprocessable(message: string, details?: unknown) { return new AppError(422, 'validation_failed', message, details); }
  static tooMany(message = 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.') { return new AppError(429, 'rate_limited', message); }
}

export interface ErrorBody { error: { code: string; message: string; details?: unknown } }

export const errorBody = (code: string, message: string, details?: unknown): ErrorBody =>
  ({ error: details === undefined ? { code, message } : { code, message, details } });
