import { loadConfig } from './core/config.js';
import { parseArgs } from './cli/args.js';
// The server and the admin commands are imported on demand: `help` loads neither, an admin
// command does not load the HTTP application.

const HELP = `Thân Thiện — cách dùng: thanthien <lệnh>

  start                                   khởi động cổng thông tin (mặc định)
  migrate                                 chạy các bước nâng cấp cơ sở dữ liệu
  seed                                    nạp dữ liệu tham chiếu và phường mẫu
  user create --unit <slug> --role <vai trò> --username <tên> --password <mật khẩu> [--name "Họ tên"]
  token create --unit <slug> --role <vai trò> [--label <mô tả>]
  audit verify                            kiểm tra chuỗi nhật ký thao tác
  backup [--out <thư mục>]                sao lưu toàn bộ dữ liệu
  restore --from <thư mục> [--force]      khôi phục từ bản sao lưu

Biến môi trường: PORT, HOST, DATA_DIR, DATABASE_URL, THANTHIEN_DEMO=0, THANTHIEN_RATE_LIMIT=off, SMTP_URL, PUBLIC_URL`;

/** Runs a command; resolves to an exit code, or to 'running' when the server keeps the process alive. */
export async function main(argv: string[]): Promise<number | 'running'> {
  const args = parseArgs(argv);
  const [command = 'start', sub] = args._;
  const config = loadConfig();
  try {
    if (command === 'help' || args.help) { console.log(HELP); return 0; }
    if (command === 'start') {
      const { startServer } = await import('./cli/start.js');
      await startServer(config);
      return 'running';
    }
    const { runAdminCommand } = await import('./cli/admin-commands.js');
    const code = await runAdminCommand(config, command, sub, args);
    if (code === null) { console.error(`Lệnh không rõ: ${command}\n\n${HELP}`); return 2; }
    return code;
  } catch (err) {
    console.error(`Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
