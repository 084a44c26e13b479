import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { StoredFile } from '@reshaem/core';
import busboy from 'busboy';
import { HttpProblem, problem, validationProblem } from '../problems.js';
import { detectType, SNIFF_BYTES } from './detect-type.js';
import { cleanFileName } from './file-name.js';
import type { ResolvedFileOptions } from './file-options.js';

/** Who uploads, when, and how new ids are made. */
export interface UploadStamp {
  uploadedBy: string;
  uploadedAt: string;
  newId: () => string;
}

/** `true` for a part without bytes (read to its end); a part with bytes is left unusable. */
async function isEmpty(stream: Readable): Promise<boolean> {
  for await (const piece of stream as AsyncIterable<Uint8Array>) {
    if (piece.byteLength > 0) return false;
  }
  return true;
}

/** Multipart framing (boundaries, part headers) a body may carry beyond its files' bytes. */
const FRAMING_BYTES = 64 * 1024;

const tooLarge = (detail: string, limit: number) =>
  new HttpProblem(problem('payload-too-large', detail, { limit }), { connection: 'close' });

const notMultipart = () =>
  new HttpProblem(
    problem(
      'unsupported-media-type',
      'Пришлите файлы как multipart/form-data, каждый частью `file`',
    ),
    { 'accept-post': 'multipart/form-data' },
  );

/**
 * Reads a `multipart/form-data` body as it streams in and stores each `file` part: the
 * type from the first bytes (415 for one no field accepts), the name cleaned, the bytes
 * handed to the file store while they arrive. Past a limit (a file's size, the request's
 * total, the number of files) it stops reading at once and answers 413; the body is never
 * held whole. Whatever the request stored before a refusal is deleted: a refused upload
 * leaves nothing behind.
 */
export async function receiveUploads(
  request: Request,
  options: ResolvedFileOptions,
  stamp: UploadStamp,
): Promise<StoredFile[]> {
  const { files } = await receiveUploadForm(request, options, stamp, {
    fieldBytes: 4096,
    files: 'required',
  });
  return files;
}

/** A form posted as multipart: its text fields and the files it stored. */
export interface UploadForm {
  fields: Record<string, string>;
  files: StoredFile[];
}

/**
 * {@link receiveUploads} for a page's form that carries text fields beside its files: the
 * fields (each at most `fieldBytes`, 50 at most) are collected, and a form without files
 * is fine when `files` is `'optional'`.
 */
export async function receiveUploadForm(
  request: Request,
  options: ResolvedFileOptions,
  stamp: UploadStamp,
  form: { fieldBytes: number; files: 'required' | 'optional' },
): Promise<UploadForm> {
  const fields: Record<string, string> = {};
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw notMultipart();
  const { fileBytes } = options.rules.limits;
  const { requestBytes, filesPerRequest } = options;
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > requestBytes + FRAMING_BYTES * filesPerRequest) {
    throw tooLarge(`Файлы вместе — не больше ${requestBytes} байт`, requestBytes);
  }
  if (request.body === null)
    throw validationProblem([
      { in: 'body', path: [], message: 'Пришлите хотя бы одну часть с файлом' },
    ]);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      defParamCharset: 'utf8',
      limits: {
        files: filesPerRequest,
        fields: 50,
        fieldSize: form.fieldBytes,
        parts: filesPerRequest + 50,
      },
    });
  } catch {
    throw new HttpProblem(problem('bad-request', 'Тело multipart/form-data повреждено'));
  }

  const stored: StoredFile[] = [];
  let total = 0;
  let index = 0;
  let failure: unknown;
  let chain: Promise<void> = Promise.resolve();
  const source = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const stop = (reason: unknown) => {
    failure ??= reason;
    source.unpipe(parser);
    source.destroy();
    parser.destroy(reason instanceof Error ? reason : new Error('refused'));
    chain.then(finish, finish);
  };

  const storeOne = async (field: string, stream: Readable, filename: string | undefined) => {
    const at = index++;
    if (field !== 'file') {
      throw validationProblem([
        { in: 'body', path: [field], message: 'Присылайте каждый файл частью с именем `file`' },
      ]);
    }
    if (!filename && (await isEmpty(stream))) {
      // A form's file field left empty: browsers send it as a part without a name or bytes.
      return;
    }
    const name = cleanFileName(filename ?? '');
    if (name === null) {
      throw validationProblem([
        {
          in: 'body',
          path: ['file', at],
          message: 'Имя файла — от 1 до 255 символов, без управляющих символов',
        },
      ]);
    }
    let size = 0;
    const count = (bytes: number) => {
      size += bytes;
      total += bytes;
      if (size > fileBytes) throw tooLarge(`Файл «${name}» больше ${fileBytes} байт`, fileBytes);
      if (total > requestBytes) {
        throw tooLarge(`Файлы вместе — не больше ${requestBytes} байт`, requestBytes);
      }
    };
    const pieces = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
    const head: Uint8Array[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < SNIFF_BYTES) {
      const next = await pieces.next();
      if (next.done) {
        ended = true;
        break;
      }
      count(next.value.byteLength);
      head.push(next.value);
      headBytes += next.value.byteLength;
    }
    const sniffed = Buffer.concat(head);
    const type = await detectType(sniffed, ended);
    if (!options.uploadable.includes(type)) {
      throw new HttpProblem(
        problem(
          'unsupported-media-type',
          `Файл «${name}» — ${type}, такие файлы не принимает ни одно поле`,
          {
            detectedType: type,
            allowedTypes: options.uploadable,
          },
        ),
        { connection: 'close' },
      );
    }
    async function* rest(): AsyncGenerator<Uint8Array> {
      if (sniffed.byteLength > 0) yield sniffed;
      if (ended) return;
      for (;;) {
        const next = await pieces.next();
        if (next.done) return;
        count(next.value.byteLength);
        yield next.value;
      }
    }
    const file = await options.store.put(
      {
        id: stamp.newId(),
        name,
        contentType: type,
        uploadedBy: stamp.uploadedBy,
        uploadedAt: stamp.uploadedAt,
      },
      rest(),
    );
    stored.push(file);
  };

  parser.on('file', (field, stream, info) => {
    // A part cut short errors its stream; the reader sees it, and a part left unread
    // (after a refusal) must not turn it into an uncaught error.
    stream.on('error', () => undefined);
    chain = chain.then(async () => {
      if (failure !== undefined) {
        stream.resume();
        return;
      }
      try {
        await storeOne(field, stream, info.filename);
      } catch (error) {
        stream.resume();
        stop(error);
      }
    });
  });
  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) {
      stop(tooLarge(`Поле ${name} длиннее ${form.fieldBytes} байт`, form.fieldBytes));
    } else fields[name] = value;
  });
  parser.on('filesLimit', () =>
    stop(tooLarge(`Файлов в одном запросе — не больше ${filesPerRequest}`, filesPerRequest)),
  );
  parser.on('partsLimit', () =>
    stop(new HttpProblem(problem('bad-request', 'Слишком много частей в теле запроса'))),
  );
  parser.on('fieldsLimit', () =>
    stop(new HttpProblem(problem('bad-request', 'Слишком много полей в теле запроса'))),
  );
  parser.on('error', () =>
    stop(new HttpProblem(problem('bad-request', 'Тело multipart/form-data повреждено'))),
  );
  parser.on('close', () => chain.then(finish, finish));
  source.on('error', () =>
    stop(new HttpProblem(problem('bad-request', 'Тело запроса не удалось прочитать'))),
  );
  source.pipe(parser);

  await finished;
  if (failure === undefined && stored.length === 0 && form.files === 'required') {
    failure = validationProblem([
      { in: 'body', path: ['file'], message: 'Пришлите хотя бы одну часть с файлом' },
    ]);
  }
  if (failure !== undefined) {
    await Promise.all(stored.map((f) => options.store.delete(f.id).catch(() => false)));
    throw failure;
  }
  return { fields, files: stored };
}
