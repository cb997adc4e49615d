// Live progress of a sync run: polls the run's progress every second and updates the counts in
// place; reloads the page once the run has finished, so its changes and any held list appear.
(function () {
  const run = document.getElementById('run');
  if (!run || run.dataset.finished === 'true') {
    return;
  }
  const poll = async function () {
    try {
      const response = await fetch(run.dataset.progress, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const progress = await response.json();
        run.querySelectorAll('[data-field]').forEach(function (element) {
          const value = progress[element.dataset.field];
          if (element.tagName === 'TIME' && value !== 'waiting') {
            element.setAttribute('datetime', value);
            window.rosterTimes.show(element);
          } else {
            element.textContent = value;
          }
        });
        if (progress.finished) {
          window.location.reload();
          return;
        }
      }
    } catch (e) {
      // a missed poll is retried
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
})();
