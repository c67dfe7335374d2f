/* The model registry: models, their versions with stages and aliases, each linked to its source run. */
'use strict';
(async () => {
  const { el } = Lathe;
  const content = document.getElementById('content');
  try {
    const models = await Lathe.all('registered-models/search', { max_results: 100 }, 'registered_models');
    if (!models.length) content.append(el('p', { class: 'muted' }, 'No registered models.'));
    for (const m of models) {
      const quoted = "'" + m.name.replace(/'/g, "\\'") + "'";
      const versions = await Lathe.all('model-versions/search', { filter: 'name = ' + quoted, max_results: 1000 }, 'model_versions');
      versions.sort((a, b) => Number(b.version) - Number(a.version));
      const runNames = await Promise.all(versions.map(v => v.run_id
        ? Lathe.api('runs/get', { run_id: v.run_id }).then(r => r.run.info.run_name, () => v.run_id) : null));
      const aliases = (m.aliases || []).map(a => el('span', {}, '@' + a.alias + ' → v' + a.version));
      content.append(el('section', { class: 'panel model', 'data-model': m.name },
        el('h2', {}, m.name),
        m.description ? el('p', {}, m.description) : null,
        el('p', { class: 'chips' }, 'Aliases: ', aliases.length ? aliases : el('span', { class: 'muted' }, 'none')),
        Lathe.table(['Version', 'Stage', 'Aliases', 'Source run', 'Registered', 'Status', 'Description'],
          versions.map((v, i) => [
            'v' + v.version,
            el('span', { class: 'stage-' + v.current_stage }, v.current_stage),
            (v.aliases || []).map(a => '@' + a).join(' '),
            v.run_id ? el('a', { href: Lathe.href('run', { id: v.run_id }), class: 'source-run', title: v.run_id }, runNames[i]) : v.source,
            Lathe.time(v.creation_timestamp), v.status, v.description || '']),
          { class: 'versions' })));
    }
  } catch (e) {
    Lathe.showError(e);
  }
})();
