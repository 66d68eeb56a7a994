/**
 * One text file of the candidate (report, model card, API spec …): loads it masked through
 * `preview:text`, shows it under the watermark, and beside it the OpenAPI summary when the
 * text is a JSON OpenAPI document.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaskedText, TextInfo } from '../../../../../shared/ipc/schemas/preview';
import { api } from '../../../app/api';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { ErrorIcon, WarningIcon } from '../../../app/components/icons';
import { describeThrown, log } from '../../../app/log';
import { parseOpenApi } from '../openapi';
import { formatCount } from '../preview-format';
import { OpenApiPreview } from './OpenApiPreview';
import { TextPreview } from './TextPreview';
import { candidateKey, usePreviewStore } from '../store';
import { Watermark } from './Watermark';

type State = { status: 'loading' } | { status: 'ready'; text: MaskedText } | { status: 'failed'; error: unknown };

/** JSON or YAML: the formats an OpenAPI spec comes in. */
function looksLikeSpec(info: TextInfo): boolean {
  return /json|yaml/i.test(info.mediaType) || /\.(json|ya?ml)$/i.test(info.file);
}

export function TextFilePreview({ id, revision, info }: { id: string; revision: number; info: TextInfo }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'loading' });
  const { file } = info;
  // A finding's line in this file, to scroll to.
  const spot = usePreviewStore((s) => s.spot);
  const jump = spot && spot.candidate === candidateKey(id, revision) && spot.file === file && spot.line !== undefined ? { line: spot.line, seq: spot.seq } : null;
  const ready = state.status === 'ready';
  const jumpSeq = jump?.seq;
  useEffect(() => {
    // The text has scrolled to the line (its effect runs first): a later visit starts at the top.
    if (ready && jumpSeq !== undefined) usePreviewStore.getState().clearSpot(jumpSeq);
  }, [ready, jumpSeq]);

  useEffect(() => {
    let active = true;
    const load = async () => {
      try {
        const text = await api.invoke('preview:text', { id, revision, file });
        if (active) setState({ status: 'ready', text });
      } catch (error) {
        log.warn('text preview failed', { id, revision, file, error: describeThrown(error) });
        if (active) setState({ status: 'failed', error });
      }
    };
    void load();
    return () => {
      active = false;
    };
  }, [id, revision, file]);

  const openApi = useMemo(() => {
    if (state.status !== 'ready' || !looksLikeSpec(info)) return null;
    // The masked text stays valid JSON/YAML when masks fall inside strings; when it does not, no summary.
    return parseOpenApi(state.text.lines.map((line) => line.text).join('\n'));
  }, [state, info]);

  if (state.status === 'loading') return <p className="muted preview-message">{t('common.loading')}</p>;
  if (state.status === 'failed') {
    return (
      <div className="banner banner-error" role="alert" data-testid="text-error">
        <ErrorIcon />
        <span>
          <strong>{t('preview.text.loadFailed')}</strong> <ErrorMessage error={state.error} />
        </span>
      </div>
    );
  }

  return (
    <div className="text-file-preview" data-testid="text-file-preview" data-file={file}>
      {state.text.truncated && (
        <div className="banner banner-warning" role="note" data-testid="text-truncated">
          <WarningIcon size={16} />
          <span>{t('preview.text.truncated', { n: formatCount(state.text.lines.length) })}</span>
        </div>
      )}
      <div className="table-preview-body">
        <div className="grid-frame">
          <TextPreview text={state.text} jump={jump} />
          <Watermark />
        </div>
        {openApi && <OpenApiPreview summary={openApi} />}
      </div>
    </div>
  );
}
