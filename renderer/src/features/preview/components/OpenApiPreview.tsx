/**
 * The OpenAPI summary beside an API spec's text: every operation (method and path) and, per
 * response, the properties of its schema — what the interface would hand out once exported.
 */
import { useTranslation } from 'react-i18next';
import type { OpenApiSummary } from '../openapi';

export function OpenApiPreview({ summary }: { summary: OpenApiSummary }) {
  const { t } = useTranslation();
  return (
    <aside className="side-panel openapi-preview" data-testid="openapi-preview" aria-label={t('preview.openapi.title')}>
      <header className="side-panel-header">
        <div className="side-panel-title">
          <span className="muted small">{t('preview.openapi.heading', { version: summary.version })}</span>
          <h2 title={summary.title}>{summary.title ?? t('preview.openapi.untitled')}</h2>
        </div>
      </header>
      <div className="side-panel-body">
        {summary.operations.length === 0 && <p className="muted">{t('preview.openapi.noOperations')}</p>}
        {summary.operations.map((operation) => (
          <section key={`${operation.method} ${operation.path}`} className="openapi-operation" data-testid="openapi-operation" data-method={operation.method} data-path={operation.path}>
            <div className="openapi-op-line">
              <span className={`http-method method-${operation.method}`}>{operation.method.toUpperCase()}</span>
              <code className="openapi-path">{operation.path}</code>
            </div>
            {(operation.summary ?? operation.operationId) !== undefined && <p className="openapi-summary">{operation.summary ?? operation.operationId}</p>}
            {operation.responses.map((response) => (
              <div key={`${response.status} ${response.mediaType}`} className="openapi-response" data-testid="openapi-response" data-status={response.status}>
                <div className="openapi-response-line">
                  <span className={`status-code status-${response.status.slice(0, 1)}xx`}>{response.status}</span>
                  {response.description !== undefined && <span className="openapi-response-description">{response.description}</span>}
                  {response.mediaType !== '' && <span className="muted small mono">{response.mediaType}</span>}
                  {response.schema !== null && (
                    <code className="openapi-schema">
                      {response.schema}
                      {response.isArray ? '[]' : ''}
                    </code>
                  )}
                </div>
                {response.properties.length > 0 ? (
                  <table className="openapi-properties">
                    <tbody>
                      {response.properties.map((property) => (
                        <tr key={property.name} data-testid="openapi-property" data-name={property.name}>
                          <td className="mono">
                            {property.name}
                            {property.required && (
                              <span className="required-mark" title={t('preview.openapi.required')}>
                                *
                              </span>
                            )}
                          </td>
                          <td className="mono muted">{property.type}</td>
                          <td className="openapi-description">{property.description}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : (
                  response.mediaType !== '' && <p className="muted small">{t('preview.openapi.noProperties')}</p>
                )}
              </div>
            ))}
          </section>
        ))}
      </div>
    </aside>
  );
}
