import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthGuard } from '../common/auth/auth.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionRevocations } from './session-revocations';

@Module({
  imports: [
    JwtModule.registerAsync({
      global: true,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        // one key object for the process: given a string, jsonwebtoken first tries to read it
        // as a public key and builds a new key on every verification
        const key = createSecretKey(Buffer.from(config.jwtSecret));
        return { secretOrKeyProvider: () => key, signOptions: { expiresIn: config.jwtExpiresInSeconds } };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, SessionRevocations, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionRevocations],
})
export class AuthModule {}
