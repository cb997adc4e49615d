// A form with data-confirm="question" asks before it is sent, for the buttons that cannot be
// undone in one click (Deactivate, Revoke, Generate a new hook secret). A script file rather than
// an onsubmit attribute: the Content-Security-Policy allows no inline script.
document.addEventListener('submit', function (event) {
  const question = event.target.dataset ? event.target.dataset.confirm : null;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);
