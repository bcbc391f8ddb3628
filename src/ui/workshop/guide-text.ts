import { marked } from 'marked';
import guide from '../../../assets/guide/facilitator-guide.md?raw';

/**
 * The facilitator guide as HTML. Its Markdown is the project's own text (assets/guide), never a
 * user's, so the HTML is put in the page as it comes; this module loads only when the guide opens.
 */
export function guideHtml(): string {
  return marked.parse(guide, { async: false });
}
