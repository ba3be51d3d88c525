import { Module } from '@nestjs/common';
import { IdempotentWriter } from './idempotency';

/** IdempotentWriter for every POST that records facts and honours an Idempotency-Key. */
@Module({ providers: [IdempotentWriter], exports: [IdempotentWriter] })
export class IdempotencyModule {}
