// The console's own functions for the circuit's JS interop (script-src 'self': no inline script).
window.ecsConsole = {
  // ConsoleTitle: the live page's title.
  setTitle(text) { document.title = text; },
  // The theme toggle (App.razor writes the light and the dark style sheets; the dark one applies under :root.ecs-dark).
  setDark(dark) { document.documentElement.classList.toggle('ecs-dark', dark); },
};
