import { memo, useEffect, useId, useState } from 'react';
import type { ParameterInfo } from '../../models/health-care/types.js';
import { formatParameter } from '../format.js';
import { checkValue, GRADE_WORDS, percentOn, roundTo, sliderDomain } from '../parameter-controls.js';

export interface ParameterRowProps {
  info: ParameterInfo;
  value: number;
  defaultValue: number;
  sourceText: string | undefined;
  onChange: (name: string, value: number) => void;
  onReset: (name: string) => void;
}

/** One assumption: label, slider with its default marked, number box, unit, plausible range, source, reset. */
export const ParameterRow = memo(function ParameterRow({ info, value, defaultValue, sourceText, onChange, onReset }: ParameterRowProps) {
  const id = useId();
  const [text, setText] = useState(formatPlain(value));
  const [showSource, setShowSource] = useState(false);
  useEffect(() => setText(formatPlain(value)), [value]);
  const domain = sliderDomain(info, defaultValue, value);
  const changed = value !== defaultValue;
  const typed = Number(text.replace(/,/g, ''));
  const check = text.trim() === '' ? ({ kind: 'error', message: `${info.label} needs a number.` } as const) : checkValue(info, typed);
  const valueCheck = checkValue(info, value);
  const commitText = () => {
    if (check.kind !== 'error' && typed !== value) onChange(info.name, typed);
  };
  return (
    <li className={`parameter${changed ? ' parameter-changed' : ''}`} data-parameter={info.name}>
      <div className="parameter-head">
        <label htmlFor={`${id}-slider`} className="parameter-label">
          {changed && (
            <span className="changed-mark" title="Changed from the default">
              ● <span className="visually-hidden">changed:</span>
            </span>
          )}
          {info.label}
        </label>
        <button
          type="button"
          className="quiet small"
          aria-expanded={showSource}
          aria-controls={`${id}-source`}
          onClick={() => setShowSource((s) => !s)}
          aria-label={`Source of “${info.label}”: where it comes from and how good the evidence is`}
        >
          Source
        </button>
        <button
          type="button"
          className="quiet small"
          disabled={!changed}
          onClick={() => onReset(info.name)}
          aria-label={`Reset “${info.label}” to its default, ${formatParameter(defaultValue)} ${info.unit}`}
        >
          Reset
        </button>
      </div>
      <div className="parameter-controls">
        <div className="slider-wrap">
          <div className="range-track" aria-hidden="true">
            <span
              className="plausible-band"
              style={{
                left: `${percentOn(domain, info.range.low)}%`,
                width: `${percentOn(domain, info.range.high) - percentOn(domain, info.range.low)}%`,
              }}
            />
            <span className="default-marker" style={{ left: `${percentOn(domain, defaultValue)}%` }} title="Default" />
          </div>
          <input
            id={`${id}-slider`}
            type="range"
            min={domain.min}
            max={domain.max}
            step={domain.step}
            value={Math.min(domain.max, Math.max(domain.min, value))}
            aria-valuetext={`${formatParameter(value)} ${info.unit}`}
            onChange={(e) => onChange(info.name, roundTo(Number(e.target.value), domain.step))}
          />
        </div>
        <input
          className={`number-box${check.kind === 'error' ? ' invalid' : ''}`}
          type="text"
          inputMode="decimal"
          aria-label={`${info.label}, in ${info.unit}`}
          aria-invalid={check.kind === 'error'}
          aria-describedby={`${id}-range ${id}-msg`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commitText}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitText();
            if (e.key === 'Escape') setText(formatPlain(value));
          }}
        />
        <span className="unit">{info.unit}</span>
      </div>
      <p id={`${id}-range`} className="parameter-range">
        Default {formatParameter(defaultValue)} · plausible {formatParameter(info.range.low)}–{formatParameter(info.range.high)} · allowed{' '}
        {formatParameter(info.bounds.min)}–{formatParameter(info.bounds.max)}
      </p>
      <p id={`${id}-msg`} className={`parameter-message message-${check.kind === 'ok' ? valueCheck.kind : check.kind}`} role={check.kind === 'error' ? 'alert' : undefined}>
        {check.kind === 'error' ? check.message : valueCheck.kind === 'warning' ? valueCheck.message : ''}
      </p>
      {showSource && (
        <div id={`${id}-source`} className="source-panel">
          <p>{info.description}</p>
          <p>
            <strong>Source:</strong> {info.source === 'assumption' ? 'an assumption of the model' : info.source}
            {sourceText ? ` — ${sourceText}` : ''}
          </p>
          <p>
            <strong>Evidence:</strong> {GRADE_WORDS[info.grade]}
          </p>
        </div>
      )}
    </li>
  );
});

function formatPlain(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(10))) : '';
}
