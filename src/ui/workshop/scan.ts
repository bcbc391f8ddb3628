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
          const { default: QrScanner } = await import('qr-scanner');
          if (!(await QrScanner.hasCamera())) {
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
          const scanner = new QrScanner(
            video,
            (result) => {
              if (seen.has(result.data)) return;
              seen.add(result.data);
              onCode(result.data);
            },
            { returnDetailedScanResult: true, maxScansPerSecond: 5 },
          );
          host.replaceChildren(
            video,
            h('p', { class: 'muted small' }, 'Hold a team’s QR code up to the camera; each code read is added once.'),
          );
          await scanner.start();
          button.textContent = 'Stop scanning';
          stop = () => {
            scanner.stop();
            scanner.destroy();
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
