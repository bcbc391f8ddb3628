import type { AppContext } from '../context';
import { h } from '../dom';

/**
 * "Scan a QR code": reads hand-in codes off the teams' screens with the device's camera. The
 * scanner library loads only when asked; no camera, or a refusal, is said in one line.
 */
export function scanButton(ctx: AppContext, onCode: (text: string) => void): HTMLElement {
  const host = h('div', { class: 'scanner' });
  let stop: (() => void) | null = null;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      'data-testid': 'workshop-scan',
      onclick: async () => {
        if (stop) return stop();
        button.disabled = true;
        try {
          const camera = await ctx.services.camera();
          if (!(await camera.available())) {
            ctx.announce('No camera was found on this device: paste the codes or pick files instead.');
            host.replaceChildren(
              h(
                'p',
                { class: 'field-error' },
                'No camera was found on this device: paste the codes or pick files instead.',
              ),
            );
            return;
          }
          const video = h('video', { class: 'scanner-video', muted: true, playsinline: true });
          const seen = new Set<string>();
          host.replaceChildren(
            video,
            h('p', { class: 'muted small' }, 'Hold a team’s QR code up to the camera; each code read is added once.'),
          );
          const release = await camera.start(video, (text) => {
            if (seen.has(text)) return;
            seen.add(text);
            onCode(text);
          });
          button.textContent = 'Stop scanning';
          stop = () => {
            release();
            host.replaceChildren();
            button.textContent = 'Scan QR codes with the camera';
            stop = null;
          };
          ctx.onLeave(() => stop?.());
        } catch (e) {
          const refused = e instanceof DOMException && e.name === 'NotAllowedError';
          const line = refused
            ? 'The camera was refused: allow it in the browser, or paste the codes instead.'
            : 'The camera could not be started: paste the codes or pick files instead.';
          host.replaceChildren(h('p', { class: 'field-error' }, line));
          ctx.announce(line);
        } finally {
          button.disabled = false;
        }
      },
    },
    'Scan QR codes with the camera',
  );
  return h('div', { class: 'scan' }, button, host);
}
