// The console's own functions for the circuit's JS interop (script-src 'self': no inline script).
window.ecsConsole = {
  // ConsoleTitle: the live page's title.
  setTitle(text) { document.title = text; },
};
