// The audible cue for an unknown or bad barcode: a short low double beep through WebAudio (no sound file,
// nothing fetched). Silently does nothing where audio is unavailable.
let context: AudioContext | null = null;

/** How many error beeps were played (the e2e suite reads it via data-beeps on <body>: audio is not observable). */
let played = 0;

export function errorBeep(): void {
  played++;
  document.body.dataset.beeps = String(played);
  try {
    context ??= new AudioContext();
    const ctx = context;
    if (ctx.state === 'suspended') void ctx.resume();
    const start = ctx.currentTime;
    for (const offset of [0, 0.18]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = 220;
      gain.gain.setValueAtTime(0.15, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.14);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.15);
    }
  } catch {
    // No audio device or autoplay blocked: the on-screen message still tells the cashier.
  }
}
