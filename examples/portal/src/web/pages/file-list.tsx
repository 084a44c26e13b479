/** A file as a message keeps it; files named without an upload have no `fileId`. */
interface ListedFile {
  fileId?: string | undefined;
  name: string;
  size?: number | undefined;
  contentType?: string | undefined;
}

const THUMBNAIL_TYPES = new Set(['image/jpeg', 'image/png']);

const sizeText = (bytes: number | undefined) =>
  bytes === undefined
    ? ''
    : bytes < 1024 * 1024
      ? ` · ${Math.max(1, Math.round(bytes / 1024))} КБ`
      : ` · ${(bytes / 1024 / 1024).toFixed(1)} МБ`;

/**
 * Files with download links (`/files/{id}`, the session's own rights) and small previews
 * of JPEG and PNG photos, served `inline` (`?disposition=inline`, which the API honours
 * for those two types only); a file named without an upload is listed by its name only.
 */
export function FileList(props: { files: readonly ListedFile[]; label: string }) {
  if (props.files.length === 0) return null;
  return (
    <div class="files" data-files={props.label}>
      <span class="muted">{props.label}:</span>
      <ul>
        {props.files.map((f) => {
          if (f.fileId === undefined) return <li>{f.name}</li>;
          const href = `/files/${encodeURIComponent(f.fileId)}`;
          return (
            <li>
              {f.contentType && THUMBNAIL_TYPES.has(f.contentType) && (
                <a href={`${href}?disposition=inline`}>
                  <img class="thumb" src={`${href}?disposition=inline`} alt={f.name} />
                </a>
              )}
              <a href={href} download={f.name}>
                {f.name}
              </a>
              <span class="muted">{sizeText(f.size)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
