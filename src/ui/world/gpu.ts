let software: boolean | null = null;

/**
 * True when WebGL is drawn by the CPU (SwiftShader, llvmpipe, ...). There, multisampled
 * antialiasing multiplies the cost of every pixel by four and halves the frame rate, so the world
 * turns it off; real GPUs keep smooth edges. Probed once per page with a throwaway context.
 */
export function isSoftwareWebGL(): boolean {
  if (software !== null) return software;
  software = false;
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return software;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  software = /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return software;
}
