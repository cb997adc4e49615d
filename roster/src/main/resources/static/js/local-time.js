// Shows <time class="local-time" datetime="…UTC instant…"> in the viewer's own time zone, keeping
// the UTC value in the title, so an admin anywhere reads the next sync in their local time.
(function () {
  document.querySelectorAll('time.local-time').forEach(function (element) {
    const when = new Date(element.getAttribute('datetime'));
    if (!isNaN(when)) {
      element.title = element.getAttribute('datetime');
      // dateStyle/timeStyle cannot be combined with timeZoneName (a TypeError), hence the parts
      element.textContent = when.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric',
        hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    }
  });
})();
