// Every instant on a page is a <time class="local-time" datetime="…UTC instant…"> (the fragments
// "when" and "ago"): shown here in the viewer's own time zone, or, with class "relative", as
// "5 minutes ago"; the exact instant stays in the title for hover.
(function () {
  const RELATIVE_UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400],
    ['hour', 3600], ['minute', 60]];

  function absolute(when) {
    // dateStyle/timeStyle cannot be combined with timeZoneName (a TypeError), hence the parts
    return when.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric',
      hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  }

  function relative(when) {
    const seconds = Math.round((when.getTime() - Date.now()) / 1000);
    const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    for (const [unit, size] of RELATIVE_UNITS) {
      if (Math.abs(seconds) >= size) {
        return format.format(Math.trunc(seconds / size), unit);
      }
    }
    return Math.abs(seconds) < 10 ? 'just now' : format.format(seconds, 'second');
  }

  function show(element) {
    const when = new Date(element.getAttribute('datetime'));
    if (isNaN(when)) {
      return;
    }
    element.title = element.getAttribute('datetime');
    element.textContent = element.classList.contains('relative') ? relative(when) : absolute(when);
  }

  window.rosterTimes = { show: show };
  document.querySelectorAll('time.local-time').forEach(show);
})();
