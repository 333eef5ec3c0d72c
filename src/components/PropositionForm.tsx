import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useAppStore, type LoadedData, type PickedPosition } from '../store/appStore';
import { selectDepartements } from '../store/selectors';
import { dataFolderUrl, REQUEST_TIMEOUT_MS } from '../store/loadData';
import { fetchJson } from '../points/request';
import { VocabIndex } from '../domain/innovationRules';
import { departementResolver } from '../domain/departementCodes';
import { CommuneIndex, COMMUNES_FILE, type CommuneNames } from '../domain/communes';
import {
  checkProposition, EMPTY_PROPOSITION, propositionCsv, propositionFileName, propositionMailto, provisionalId,
  type PropositionCheck, type PropositionContext, type PropositionField,
} from '../domain/propositions';
import { decimalCell } from '../domain/csvCells';
import { departementLabel, etapePlace, formatDate, vocabLabel } from '../domain/presentation';
import { etapesInDateOrder } from '../domain/route';
import { foldText } from '../domain/normalize';
import type { DepartementInfo, PropositionFields } from '../domain/types';
import { downloadText } from './download';
import { useT } from './hooks';
import './propositionForm.css';

const FIELD_ORDER: readonly PropositionField[] = [
  'titre', 'description', 'themes', 'secteurs', 'departement', 'commune', 'latitude', 'longitude', 'porteur', 'annee', 'site_web', 'etape', 'contact',
];

const fieldId = (field: PropositionField) => `proposition-${field}`;
const errorId = (field: PropositionField) => `proposition-${field}-erreur`;
const noteId = (field: PropositionField) => `proposition-${field}-note`;
const helpId = (field: PropositionField) => `proposition-${field}-aide`;

/** The commune names of the data (communes.json), fetched once; null while on their way or when missing. */
function useCommuneIndex(): { index: CommuneIndex<string> | null; names: CommuneNames | null; failed: boolean } {
  const [state, setState] = useState<{ names: CommuneNames | null; failed: boolean }>({ names: null, failed: false });
  useEffect(() => {
    let current = true;
    fetchJson((url, init) => fetch(url, init), dataFolderUrl(), COMMUNES_FILE, REQUEST_TIMEOUT_MS, true).then((json) => {
      if (!current) return;
      const ok = typeof json === 'object' && json !== null && !Array.isArray(json);
      setState({ names: ok ? json as CommuneNames : null, failed: !ok });
    }, () => {
      if (current) setState({ names: null, failed: true });
    });
    return () => {
      current = false;
    };
  }, []);
  const index = useMemo(() => {
    if (!state.names) return null;
    const built = new CommuneIndex<string>();
    for (const [code, list] of Object.entries(state.names)) {
      if (Array.isArray(list)) for (const name of list) if (typeof name === 'string') built.add(code, name, name);
    }
    return built;
  }, [state.names]);
  return { index, names: state.names, failed: state.failed };
}

const sortedDepartements = (departements: readonly DepartementInfo[]) =>
  [...departements].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));

/**
 * The proposal form, in a dialog: the innovation's fields checked by the data build's own rules
 * (each message next to its field, and listed above the form), then a proposition file to send
 * the organisers, and an e-mail to them when meta.json gives their address. Its position may be
 * picked on the map: the dialog steps aside while the map waits for the click.
 */
export function PropositionForm({ data, opened, opener, mapShown }: {
  data: LoadedData;
  /** Grows at each click on the button that opens the form. */
  opened: number;
  opener: RefObject<HTMLButtonElement | null>;
  /** Whether the map is there to pick a place on (not without WebGL): else coordinates are typed only. */
  mapShown: boolean;
}) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const cancelPicking = useRef<HTMLButtonElement>(null);
  const [fields, setFields] = useState<PropositionFields>(EMPTY_PROPOSITION);
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<{ file: string; csv: string; mailto: string | null } | null>(null);
  const [pickNote, setPickNote] = useState('');
  const picking = useAppStore((s) => s.picking);
  const picked = useAppStore((s) => s.pickedPosition);
  const communes = useCommuneIndex();
  const w = useT();
  // Every text of the form, from the catalogue; the rules' messages stay those of the data build (French).
  const TEXTS = w.t('proposition', { returnObjects: true });

  const departements = useAppStore(selectDepartements);
  const context = useMemo((): PropositionContext => ({
    themes: new VocabIndex(data.vocabulaires.themes, 'thème'),
    secteurs: new VocabIndex(data.vocabulaires.secteurs, 'secteur'),
    etapes: new Map(data.etapes.map((e) => [foldText(e.properties.id), e.properties.id])),
    departements: departementResolver(data.departements),
    communes: communes.index,
  }), [data, communes.index]);
  const check: PropositionCheck = useMemo(() => checkProposition(fields, context), [fields, context]);

  // Each click on "Proposer une innovation" opens the dialog (the draft kept).
  useEffect(() => {
    if (opened > 0 && !dialog.current?.open) dialog.current?.showModal();
  }, [opened]);

  // A place clicked on the map: its coordinates (and department) into the form, which comes back.
  const lastPicked = useRef<PickedPosition | null>(picked);

  useEffect(() => {
    if (!picked || picked === lastPicked.current) return;
    lastPicked.current = picked;
    const latitude = decimalCell(picked.latitude, ';');
    const longitude = decimalCell(picked.longitude, ';');
    setFields((f) => ({
      ...f, latitude, longitude,
      departement: picked.departement && departements.has(picked.departement) ? picked.departement : f.departement,
    }));
    setPickNote(w.t('proposition.picked', { lat: latitude, lon: longitude }));
    dialog.current?.showModal();
    document.getElementById(fieldId('latitude'))?.focus();
  }, [picked, departements, w]);

  const stopPicking = useCallback(() => {
    useAppStore.getState().setPicking(false);
    dialog.current?.showModal();
    document.getElementById('proposition-choisir')?.focus();
  }, []);
  const startPicking = () => {
    setPickNote('');
    useAppStore.getState().setPicking(true);
    dialog.current?.close();
  };

  // While the map waits for a click: the banner's Annuler takes focus, Échap cancels.
  useEffect(() => {
    if (!picking) return;
    cancelPicking.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      stopPicking();
    };
    document.addEventListener('keydown', onKey, { capture: true });
    return () => document.removeEventListener('keydown', onKey, { capture: true });
  }, [picking, stopPicking]);

  // The proposition ready: focus goes to what replaced the form, its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (done) heading.current?.focus();
  }, [done]);

  const set = (field: PropositionField, value: string) => setFields((f) => ({ ...f, [field]: value }));
  const toggle = (field: 'themes' | 'secteurs', id: string, on: boolean) => setFields((f) => {
    const ids = f[field] === '' ? [] : f[field].split('|');
    return { ...f, [field]: (on ? [...ids, id] : ids.filter((v) => v !== id)).join('|') };
  });

  const submit = () => {
    setTried(true);
    if (!check.ok) {
      // The summary says what is missing; its links lead to each field.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const file = propositionFileName(fields.departement, fields.titre);
    const csv = propositionCsv(fields, provisionalId(new Date()));
    downloadText(file, csv, 'text/csv;charset=utf-8');
    const address = data.meta.courriel_propositions;
    const place = departementLabel(fields.departement, departements);
    setDone({ file, csv, mailto: address ? propositionMailto(address, file, fields, place) : null });
  };

  const restart = () => {
    setFields(EMPTY_PROPOSITION);
    setTried(false);
    setDone(null);
    setPickNote('');
    requestAnimationFrame(() => document.getElementById(fieldId('titre'))?.focus());
  };

  const errors = tried ? check.errors : {};
  // What the organisers' build will do (a commune it will not find…): said once there is something to say it about.
  const warnings = tried || fields.commune.trim() !== '' ? check.warnings : {};
  const errorList = FIELD_ORDER.flatMap((field) => (errors[field] ?? []).map((message) => ({ field, message })));
  const etapes = etapesInDateOrder(data.etapes);
  const communeNames = communes.names?.[fields.departement] ?? [];

  /** A field's label, its control, then its help, error and warning, tied to the control. */
  const described = (field: PropositionField, help?: boolean) => [
    help ? helpId(field) : '', errors[field] ? errorId(field) : '', warnings[field] ? noteId(field) : '',
  ].filter(Boolean).join(' ') || undefined;
  const messages = (field: PropositionField) => (
    <>
      {errors[field] && <p id={errorId(field)} className="champ-erreur">{errors[field].join(' ; ')}</p>}
      {warnings[field] && <p id={noteId(field)} className="champ-note">{warnings[field].join(' ; ')}</p>}
    </>
  );
  const label = (field: PropositionField, required = false): ReactNode => (
    <>
      {TEXTS.labels[field]}
      {required && <span className="champ-obligatoire"> ({TEXTS.required})</span>}
    </>
  );
  const text = (field: PropositionField, options: { required?: boolean; help?: string; type?: string; inputMode?: 'numeric' | 'decimal' | 'url' | 'email'; autoComplete?: string; list?: string } = {}) => (
    <div className="champ">
      <label htmlFor={fieldId(field)}>{label(field, options.required)}</label>
      <input
        id={fieldId(field)}
        type={options.type ?? 'text'}
        inputMode={options.inputMode}
        autoComplete={options.autoComplete ?? 'off'}
        list={options.list}
        value={fields[field]}
        aria-required={options.required || undefined}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={described(field, options.help !== undefined)}
        onChange={(e) => set(field, e.target.value)}
      />
      {options.help && <p id={helpId(field)} className="champ-aide">{options.help}</p>}
      {messages(field)}
    </div>
  );
  const vocabulary = (field: 'themes' | 'secteurs') => {
    const chosen = fields[field] === '' ? [] : fields[field].split('|');
    return (
      <fieldset
        className="champ champ-liste"
        id={fieldId(field)}
        tabIndex={-1}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={described(field, true)}
      >
        <legend>{label(field, true)}</legend>
        <p id={helpId(field)} className="champ-aide">{TEXTS.help[field]}</p>
        <ul>
          {data.vocabulaires[field].map((entry) => (
            <li key={entry.id}>
              <input
                id={`${fieldId(field)}-${entry.id}`}
                type="checkbox"
                checked={chosen.includes(entry.id)}
                onChange={(e) => toggle(field, entry.id, e.target.checked)}
              />
              <label htmlFor={`${fieldId(field)}-${entry.id}`}>{vocabLabel(entry, w.lang)}</label>
            </li>
          ))}
        </ul>
        {messages(field)}
      </fieldset>
    );
  };

  return (
    <>
      {picking && (
        <div className="choix-position-bandeau" role="region" aria-label={TEXTS.pick}>
          <p>{TEXTS.picking}</p>
          <button ref={cancelPicking} type="button" onClick={stopPicking}>{TEXTS.cancelPicking}</button>
        </div>
      )}
      <dialog
        ref={dialog}
        className="dialogue-proposition"
        aria-labelledby={titleId}
        onClose={() => {
          if (!useAppStore.getState().picking) opener.current?.focus();
        }}
      >
        <div className="proposition-entete">
          <h2 id={titleId} ref={heading} tabIndex={-1}>{done ? TEXTS.doneTitle : TEXTS.title}</h2>
          <button type="button" className="proposition-fermer" onClick={() => dialog.current?.close()}>{TEXTS.close}</button>
        </div>
        {done ? (
          <div className="proposition-fin">
            <p role="status">{w.t('proposition.saved', { file: done.file })}</p>
            {done.mailto ? (
              <>
                <p>{TEXTS.mailIntro}</p>
                <p><a className="proposition-courriel" href={done.mailto}>{TEXTS.mailLink}</a></p>
                <p className="champ-aide">{TEXTS.mailHelp}</p>
              </>
            ) : (
              <p>{TEXTS.noMail}</p>
            )}
            <p className="proposition-actions">
              <button type="button" onClick={() => downloadText(done.file, done.csv, 'text/csv;charset=utf-8')}>{TEXTS.saveAgain}</button>
              <button type="button" onClick={restart}>{TEXTS.another}</button>
            </p>
          </div>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <p className="proposition-intro">{TEXTS.intro}</p>
            {errorList.length > 0 && (
              <div ref={summary} className="proposition-resume" role="alert" tabIndex={-1}>
                <p>{TEXTS.summaryTitle}</p>
                <ul>
                  {errorList.map(({ field, message }) => (
                    <li key={`${field}:${message}`}>
                      <a
                        href={`#${fieldId(field)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          const target = document.getElementById(fieldId(field));
                          (target?.querySelector<HTMLElement>('input') ?? target)?.focus();
                        }}
                      >
                        {TEXTS.labels[field]} : {message}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {text('titre', { required: true })}
            <div className="champ">
              <label htmlFor={fieldId('description')}>{label('description')}</label>
              <textarea
                id={fieldId('description')}
                rows={4}
                value={fields.description}
                aria-describedby={described('description', true)}
                onChange={(e) => set('description', e.target.value)}
              />
              <p id={helpId('description')} className="champ-aide">{TEXTS.help.description}</p>
              {messages('description')}
            </div>
            {vocabulary('themes')}
            {vocabulary('secteurs')}
            <div className="champ">
              <label htmlFor={fieldId('departement')}>{label('departement', true)}</label>
              <select
                id={fieldId('departement')}
                value={fields.departement}
                aria-required
                aria-invalid={errors.departement ? true : undefined}
                aria-describedby={described('departement')}
                onChange={(e) => set('departement', e.target.value)}
              >
                <option value="">{TEXTS.chooseDepartement}</option>
                {sortedDepartements(data.departements).map((d) => (
                  <option key={d.code} value={d.code}>{departementLabel(d.code, departements)}</option>
                ))}
              </select>
              {messages('departement')}
            </div>
            {text('commune', { help: communes.failed ? TEXTS.communesUnavailable : TEXTS.help.commune, list: 'proposition-communes', autoComplete: 'off' })}
            <datalist id="proposition-communes">
              {communeNames.map((name) => <option key={name} value={name} />)}
            </datalist>
            <fieldset className="champ champ-position" aria-describedby="proposition-position-aide">
              <legend>{TEXTS.position}</legend>
              <p id="proposition-position-aide" className="champ-aide">{TEXTS.help.position}</p>
              <div className="champ-position-valeurs">
                {text('latitude', { inputMode: 'decimal' })}
                {text('longitude', { inputMode: 'decimal' })}
              </div>
              {mapShown && <button id="proposition-choisir" type="button" className="proposition-choisir" onClick={startPicking}>{TEXTS.pick}</button>}
              <p role="status" className="champ-aide">{pickNote}</p>
            </fieldset>
            {text('porteur', { autoComplete: 'organization' })}
            {text('annee', { inputMode: 'numeric', help: TEXTS.help.annee })}
            {text('site_web', { inputMode: 'url', help: TEXTS.help.site_web, autoComplete: 'url' })}
            <div className="champ">
              <label htmlFor={fieldId('etape')}>{label('etape')}</label>
              <select
                id={fieldId('etape')}
                value={fields.etape}
                aria-invalid={errors.etape ? true : undefined}
                aria-describedby={described('etape')}
                onChange={(e) => set('etape', e.target.value)}
              >
                <option value="">{TEXTS.noEtape}</option>
                {etapes.map((e) => (
                  <option key={e.properties.id} value={e.properties.id}>
                    {formatDate(e.properties.date, w.lang)} — {etapePlace(e.properties, departements.get(e.properties.departement)?.nom ?? e.properties.departement)}
                  </option>
                ))}
              </select>
              {messages('etape')}
            </div>
            {text('contact', { required: true, type: 'email', inputMode: 'email', autoComplete: 'email', help: TEXTS.help.contact })}
            <p className="proposition-actions">
              <button type="submit" className="proposition-envoyer">{TEXTS.submit}</button>
            </p>
          </form>
        )}
      </dialog>
    </>
  );
}
