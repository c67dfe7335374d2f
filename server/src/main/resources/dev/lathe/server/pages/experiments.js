/* The experiments list. */
'use strict';
(async () => {
  const { el } = Lathe;
  const content = document.getElementById('content');
  try {
    const experiments = await Lathe.all('experiments/search', { max_results: 1000 }, 'experiments');
    content.append(Lathe.table(['Name', 'ID', 'Created', 'Last updated', 'Artifact location'],
      experiments.map(x => [
        el('a', { href: Lathe.href('experiment', { id: x.experiment_id }), class: 'experiment' }, x.name),
        x.experiment_id, Lathe.time(x.creation_time), Lathe.time(x.last_update_time),
        el('span', { class: 'muted' }, x.artifact_location)]),
      { id: 'experiments' }));
    if (!experiments.length) content.append(el('p', { class: 'muted' }, 'No experiments in this store yet.'));
  } catch (e) {
    Lathe.showError(e);
  }
})();
