import { Controller, Delete, Get, Header, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, Caller, Public } from '../common/auth/auth.decorators';
import type { CurrentUser } from '../common/auth/roles';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AdminOperations } from './admin-operations.service';
import { BOARD_COOKIE, BOARD_PATH } from './queue-board';

const SIGN_IN_PAGE = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>キュー管理 / Queues — sign in</title></head>
<body style="font-family: sans-serif; max-width: 24rem; margin: 4rem auto">
<h1>キュー管理 (Bull Board)</h1><p>管理者のみ / admins only</p>
<form id="f"><p><input name="email" type="email" placeholder="email" required style="width:100%"></p>
<p><input name="password" type="password" placeholder="password" required style="width:100%"></p>
<p><button>Sign in</button> <span id="e" style="color:#b00"></span></p></form>
<script>
document.getElementById('f').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const login = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: form.get('email'), password: form.get('password') }) });
  if (!login.ok) { document.getElementById('e').textContent = 'sign-in failed'; return; }
  const { accessToken } = await login.json();
  const session = await fetch('${BOARD_PATH}/session', { method: 'POST', headers: { authorization: 'Bearer ' + accessToken } });
  if (!session.ok) { document.getElementById('e').textContent = 'admins only'; return; }
  location.href = '${BOARD_PATH}';
});
</script></body></html>`;

/**
 * The browser session of the queue UI: an admin trades the bearer token for an HttpOnly,
 * SameSite=Strict cookie scoped to the board's path, valid as long as the token.
 */
@ApiTags('admin')
@Controller('admin/queues')
export class QueueSessionController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly operations: AdminOperations,
  ) {}

  @Authenticated('admin')
  @ApiNoContentResponse({ description: 'Sets the access_token cookie for /admin/queues' })
  @HttpCode(204)
  @Post('session')
  @ApiOperation({ operationId: 'openQueueBoardSession', summary: 'Open a queue board session (admins)' })
  async open(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Caller() caller: CurrentUser): Promise<void> {
    await this.operations.openedQueueBoard(caller);
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const secure = this.config.nodeEnv === 'production' ? '; Secure' : '';
    void reply.header(
      'set-cookie',
      `${BOARD_COOKIE}=${encodeURIComponent(token)}; Path=${BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${this.config.jwtExpiresInSeconds}${secure}`,
    );
  }

  @Public()
  @ApiNoContentResponse({ description: 'Clears the cookie' })
  @HttpCode(204)
  @Delete('session')
  @ApiOperation({ operationId: 'closeQueueBoardSession', summary: 'Close the queue board session' })
  close(@Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.header('set-cookie', `${BOARD_COOKIE}=; Path=${BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=0`);
  }

  /** A minimal sign-in page for the board (a browser cannot send a bearer header by itself). */
  @Public()
  @ApiExcludeEndpoint()
  @Header('content-type', 'text/html; charset=utf-8')
  @Get('login')
  signIn(): string {
    return SIGN_IN_PAGE;
  }
}
