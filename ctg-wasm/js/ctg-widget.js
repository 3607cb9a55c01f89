// Entry point of the ctg widget: registers <ctg-plan> and <ctg-droits>.
//   <script type="module" src="ctg/ctg-widget.js"></script>
// Plain ES modules and custom elements: works with or without a bundler. scripts/build-web.sh
// ships it as one module (esbuild, the modules below inlined), next to pkg/ (the bindings).
// TypeScript declarations: ctg-widget.d.ts (elements, events), ctg-types.d.ts (data types).
import { CtgPlanElement } from './ctg-plan.js';
import { CtgDroitsElement } from './ctg-droits.js';

export { CtgPlanElement, CtgDroitsElement };
export { CtgElement } from './element.js';
export { core, civraisien } from './core.js';

if (!customElements.get('ctg-plan')) customElements.define('ctg-plan', CtgPlanElement);
if (!customElements.get('ctg-droits')) customElements.define('ctg-droits', CtgDroitsElement);
