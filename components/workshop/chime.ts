"use client";

/**
 * The quiet signal at zero: a soft, short tone. Browsers let a page make sound only after the
 * person interacted with it, so the audio context is made at the first press or key on the page;
 * before that (or if the browser refuses) there is no sound, and the session bar's pulse is the
 * signal alone. Nothing here throws.
 */
let context: AudioContext | null = null;
let armed = false;

export function armChime(): void {
  if (armed || typeof window === "undefined") return;
  armed = true;
  const unlock = () => {
    window.removeEventListener("pointerdown", unlock, true);
    window.removeEventListener("keydown", unlock, true);
    try {
      const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
      if (!Ctor) return;
      context ??= new Ctor();
      void context.resume().catch(() => undefined);
    } catch {
      context = null;
    }
  };
  window.addEventListener("pointerdown", unlock, true);
  window.addEventListener("keydown", unlock, true);
}

/** Two soft sine notes, 0.6 s in all, quiet (a peak gain of 0.08). */
export function playChime(): void {
  if (!context || context.state !== "running") return;
  try {
    const now = context.currentTime;
    for (const [freq, at] of [
      [660, 0],
      [880, 0.18],
    ] as const) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = "sine";
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0, now + at);
      gain.gain.linearRampToValueAtTime(0.08, now + at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + at + 0.4);
      osc.connect(gain).connect(context.destination);
      osc.start(now + at);
      osc.stop(now + at + 0.45);
    }
  } catch {
    // No sound then; the pulse still shows.
  }
}
