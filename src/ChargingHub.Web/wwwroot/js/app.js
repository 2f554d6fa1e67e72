// ChargingHub: the little the pages need a script for. Everything works without it; it only localizes times,
// keeps "min left" current, tells the hub the browser's time zone, and shows whether the board is live.
(function () {
  'use strict';

  function pad(n) { return n < 10 ? '0' + n : String(n); }

  function timeLeft(until, now) {
    var ms = until - now;
    if (ms <= 0) { return 'ending now'; }
    var minutes = Math.ceil(ms / 60000);
    if (minutes <= 1) { return 'less than a minute left'; }
    if (minutes < 60) { return minutes + ' min left'; }
    var hours = Math.floor(minutes / 60), rest = minutes % 60;
    return rest === 0 ? hours + ' h left' : hours + ' h ' + rest + ' min left';
  }

  function localize(root) {
    if (!root || !root.querySelectorAll) { return; }
    var now = Date.now();
    root.querySelectorAll('time[data-local]').forEach(function (el) {
      var when = new Date(el.getAttribute('datetime'));
      if (isNaN(when)) { return; }
      var text = pad(when.getHours()) + ':' + pad(when.getMinutes());
      if (el.getAttribute('data-local') === 'datetime') {
        text = when.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' }) + ' ' + text;
      }
      el.textContent = text;
    });
    root.querySelectorAll('[data-until]').forEach(function (el) {
      var until = Date.parse(el.getAttribute('data-until'));
      if (!isNaN(until)) { el.textContent = timeLeft(until, now); }
    });
  }

  // The end time is the browser's wall clock; the hub needs its offset from UTC at that moment (DST-aware).
  function fillOffset(form) {
    form.querySelectorAll('input[data-tz-offset-for]').forEach(function (hidden) {
      var input = document.getElementById(hidden.getAttribute('data-tz-offset-for'));
      var at = input && input.value ? new Date(input.value) : new Date();
      if (isNaN(at)) { at = new Date(); }
      hidden.value = String(-at.getTimezoneOffset());
    });
  }

  function liveState(text) {
    document.querySelectorAll('[data-live-state]').forEach(function (el) { el.textContent = text; });
  }

  document.addEventListener('DOMContentLoaded', function () {
    localize(document);
    document.querySelectorAll('form').forEach(function (form) {
      if (form.querySelector('input[data-tz-offset-for]')) {
        fillOffset(form);
        form.addEventListener('submit', function () { fillOffset(form); });
      }
    });
    // Picking a preset duration clears a typed end time (which would otherwise win).
    var duration = document.getElementById('duration'), end = document.getElementById('endtime');
    if (duration && end) {
      duration.addEventListener('change', function () { if (duration.value !== 'end') { end.value = ''; } });
      end.addEventListener('input', function () { if (end.value) { duration.value = 'end'; } });
    }
    setInterval(function () { localize(document); }, 20000);
  });

  document.addEventListener('htmx:load', function (e) { localize(e.target); });
  document.addEventListener('htmx:sseMessage', function (e) { localize(e.target); });
  document.addEventListener('htmx:sseOpen', function () { liveState('Live'); });
  document.addEventListener('htmx:sseError', function () { liveState('Reconnecting…'); });
})();
