/** A titled section of the overview, and the label/value list most sections hold. */
import type { ReactNode } from 'react';

export function Card({ title, aside, className, children, testId }: { title: string; aside?: ReactNode; className?: string; children: ReactNode; testId?: string }) {
  return (
    <section className={className ? `card ${className}` : 'card'} data-testid={testId}>
      <header className="card-header">
        <h2 className="card-title">{title}</h2>
        {aside !== undefined && <span className="card-aside">{aside}</span>}
      </header>
      <div className="card-body">{children}</div>
    </section>
  );
}

export type Field = { label: string; value: ReactNode; mono?: boolean; testId?: string };

export function Fields({ fields }: { fields: readonly Field[] }) {
  return (
    <dl className="fields">
      {fields.map((field) => (
        <div className="field-row" key={field.label}>
          <dt>{field.label}</dt>
          <dd className={field.mono ? 'mono' : undefined} data-testid={field.testId}>
            {field.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
